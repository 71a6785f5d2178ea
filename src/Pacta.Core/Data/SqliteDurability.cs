using System.Data.Common;
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

    /// <summary><c>synchronous</c> is per connection, so it is set each time one opens.</summary>
    private sealed class SynchronousFull : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=FULL;";
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=FULL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
