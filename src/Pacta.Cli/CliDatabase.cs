using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Pacta.Core.Data;

namespace Pacta.Cli;

/// <summary>
/// Opens the configured database for a command and decides what to do about its schema, the same way
/// the web app does at start: the embedded SQLite default migrates by itself, PostgreSQL is migrated
/// by the operator with <c>pacta db migrate</c> unless <c>Pacta:Database:MigrateAtStart</c> says otherwise.
/// </summary>
internal static class CliDatabase
{
    /// <summary>The settings, or null after saying which configuration value is wrong.</summary>
    public static DatabaseSettings? Settings(CliContext cli)
    {
        try
        {
            return DatabaseSettings.FromConfiguration(cli.Configuration);
        }
        catch (InvalidOperationException e)
        {
            cli.Complain(e.Message);
            return null;
        }
    }

    /// <summary>Which database this is, for messages: never the connection string, which may hold a password.</summary>
    public static string Describe(DatabaseSettings settings)
    {
        if (settings.Provider == DatabaseProvider.Sqlite) return $"SQLite {SqliteFile(settings)}";
        var postgres = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        return $"PostgreSQL {postgres.Host}:{postgres.Port}/{postgres.Database}";
    }

    /// <summary>
    /// Opens the database for reading and writing documents. With <paramref name="mayMigrate"/> the
    /// schema is brought up to date where the web app would do it at start; otherwise a schema that is
    /// behind is refused with the command that fixes it. Returns null after saying why it cannot.
    /// </summary>
    public static async Task<PactaDbContext?> OpenAsync(CliContext cli, DatabaseSettings settings, bool mayMigrate, CancellationToken cancellationToken)
    {
        var migrate = mayMigrate &&
            (bool.TryParse(cli.Configuration["Pacta:Database:MigrateAtStart"], out var configured) ? configured : settings.Provider == DatabaseProvider.Sqlite);
        // Opening a SQLite file that is not there creates it: a command that may not migrate says so instead.
        if (settings.Provider == DatabaseProvider.Sqlite && !migrate && !File.Exists(SqliteFile(settings)))
        {
            cli.Complain($"there is no database at {SqliteFile(settings)}: run `pacta db migrate` (or `pacta import FILE`) first");
            return null;
        }

        if (migrate) settings.EnsureDataDirectory();
        var db = settings.CreateContext();
        try
        {
            if (migrate)
            {
                var applied = await MigrateAsync(db, cancellationToken);
                if (applied.Count > 0) cli.Complain($"{Describe(settings)}: applied {Migrations(applied)}");
            }
            else if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList() is { Count: > 0 } pending)
            {
                cli.Complain($"the schema of {Describe(settings)} is behind: {Migrations(pending)} not applied; run `pacta db migrate`");
                await db.DisposeAsync();
                return null;
            }
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>Applies the pending migrations and returns their names; on SQLite, WAL is set first, as at the web app's start.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(PactaDbContext db, CancellationToken cancellationToken)
    {
        await SqliteDurability.EnsureAsync(db, cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }

    public static string Migrations(IReadOnlyCollection<string> names) =>
        $"{names.Count} migration{(names.Count == 1 ? "" : "s")} ({string.Join(", ", names)})";

    public static string SqliteFile(DatabaseSettings settings) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource);
}
