using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Pacta.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which database Pacta uses, read the same way by the web app and the CLI so that both always
/// open the same one: <c>Pacta:Database:Provider</c> (<c>sqlite</c> | <c>postgres</c>),
/// <c>ConnectionStrings:Pacta</c>, and for SQLite without a connection string a file
/// <c>pacta.db</c> in <c>Pacta:DataDirectory</c>.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    public const string DefaultDataDirectory = "data";
    public const string SqliteMigrationsAssembly = "Pacta.Data.Sqlite";
    public const string PostgresMigrationsAssembly = "Pacta.Data.Postgres";

    /// <summary>Reads the settings; a bad provider name is a configuration error naming the key.</summary>
    public static DatabaseSettings FromConfiguration(IConfiguration configuration)
    {
        var dataDirectory = Path.GetFullPath(configuration["Pacta:DataDirectory"] is { Length: > 0 } d ? d : DefaultDataDirectory);
        var provider = configuration["Pacta:Database:Provider"]?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" => DatabaseProvider.Postgres,
            var other => throw new InvalidOperationException(
                $"Configuration Pacta:Database:Provider is '{other}'; it must be 'sqlite' or 'postgres'."),
        };
        var connectionString = configuration.GetConnectionString("Pacta");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new InvalidOperationException(
                    "Configuration ConnectionStrings:Pacta is empty; PostgreSQL needs a connection string (see docs/operator.md).");
            connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "pacta.db") }.ToString();
        }
        return new DatabaseSettings(provider, connectionString, dataDirectory);
    }

    /// <remarks>Split queries: pages load a few small collections each; one query per collection avoids row explosion.</remarks>
    public void Configure(DbContextOptionsBuilder options)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(ConnectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                    .AddInterceptors(SqliteDurability.Interceptor);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
                break;
        }
    }

    public PactaDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<PactaDbContext>();
        Configure(options);
        return new PactaDbContext(options.Options);
    }

    /// <summary>Creates the data directory for a SQLite file, owner-only, so the file has a place to live.</summary>
    public void EnsureDataDirectory()
    {
        if (Provider != DatabaseProvider.Sqlite) return;
        var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (directory is null || Directory.Exists(directory)) return;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(directory);
        else Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
