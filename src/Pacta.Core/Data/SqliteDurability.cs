using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Pacta.Core.Data;

/// <summary>
/// SQLite settings Pacta relies on: write-ahead logging (readers never block the writer) and
/// <c>synchronous=FULL</c> (a committed record entry survives a power cut).
/// </summary>
public static class SqliteDurability
{
    internal static readonly DbConnectionInterceptor Interceptor = new SynchronousFull();

    /// <summary>Switches the file to WAL (a persistent setting) and checks both settings hold; throws naming the one that does not.</summary>
    public static async Task EnsureAsync(PactaDbContext db, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsSqlite()) return;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var journal = await ScalarAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
            if (!string.Equals(journal, "wal", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"SQLite journal_mode is '{journal}', expected 'wal'.");
            var synchronous = await ScalarAsync(connection, "PRAGMA synchronous;", cancellationToken);
            if (synchronous != "2")
                throw new InvalidOperationException($"SQLite synchronous is {synchronous}, expected 2 (FULL).");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<string?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// <c>synchronous</c> is a setting of each SQLite connection handle. Pooled connections keep their
    /// handle between opens, so it is set once per handle, not on every request.
    /// </summary>
    private sealed class SynchronousFull : DbConnectionInterceptor
    {
        private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = [];

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (AlreadySet(connection)) return;
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=FULL;";
            command.ExecuteNonQuery();
            Remember(connection);
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (AlreadySet(connection)) return;
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=FULL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            Remember(connection);
        }

        private static bool AlreadySet(DbConnection connection) =>
            connection is SqliteConnection { Handle: { } handle } && Configured.TryGetValue(handle, out _);

        private static void Remember(DbConnection connection)
        {
            if (connection is SqliteConnection { Handle: { } handle }) Configured.TryAdd(handle, true);
        }
    }
}
