using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Cli;

/// <summary>
/// <c>pacta db migrate</c> and the schema rules of import and export, on databases that have never
/// been migrated (no web app: the CLI is the only thing that touches them).
/// </summary>
public abstract class DbMigrateTests : IAsyncLifetime
{
    protected static readonly string MxForum = RepositoryFiles.Path("testdata", "mx-forum.json");
    private static readonly string SamplePlan = RepositoryFiles.Path("testdata", "sample-plan.json");

    protected string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("pacta-cli-").FullName;

    /// <summary>A database of its own that exists (PostgreSQL) or may be created (SQLite), with no schema.</summary>
    protected abstract Task<DatabaseSettings> CreateDatabaseAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    /// <summary>What the CLI says for every migration of the provider, as a pattern: "2 migrations (…_Initial, …_Record)".</summary>
    internal static string AllMigrations(DatabaseSettings settings)
    {
        using var db = settings.CreateContext();
        var names = db.Database.GetMigrations().ToList();
        return Regex.Escape($"{names.Count} migration{(names.Count == 1 ? "" : "s")} ({string.Join(", ", names)})");
    }

    internal static string LastMigration(DatabaseSettings settings)
    {
        using var db = settings.CreateContext();
        return db.Database.GetMigrations().Last();
    }

    [Fact]
    public async Task DbMigrate_FreshDatabase_CreatesTheSchemaThenImportWorks()
    {
        var settings = await CreateDatabaseAsync();

        var migrated = await PactaCommand.RunAsync(settings, "db", "migrate");
        var imported = await PactaCommand.RunAsync(settings, "import", MxForum);

        Assert.True(migrated.ExitCode == 0, migrated.ToString());
        Assert.Matches($@"^(SQLite|PostgreSQL) .+: applied {AllMigrations(settings)}\n$", migrated.Output.ReplaceLineEndings("\n"));
        Assert.True(imported.ExitCode == 0, imported.ToString());
        await using var db = settings.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(13, await db.Commitments.CountAsync());
    }

    [Fact]
    public async Task DbMigrate_UpToDateDatabase_SaysSoAndChangesNothing()
    {
        var settings = await CreateDatabaseAsync();
        await PactaCommand.RunAsync(settings, "db", "migrate");
        await PactaCommand.RunAsync(settings, "import", MxForum);
        await using var db = settings.CreateContext();
        var before = await db.SnapshotAsync();

        var again = await PactaCommand.RunAsync(settings, "db", "migrate");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Matches($@": up to date \(last migration {Regex.Escape(LastMigration(settings))}\)\n$", again.Output.ReplaceLineEndings("\n"));
        Assert.Equal(before, await db.SnapshotAsync());
    }

    [Fact]
    public async Task Export_DatabaseNeverMigrated_ExitsOneAndSaysRunDbMigrate()
    {
        var settings = await CreateDatabaseAsync();
        var file = Path.Combine(Directory, "forum.json");

        var result = await PactaCommand.RunAsync(settings, "export", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("run `pacta db migrate`", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task ExportThenImportIntoAnotherDatabase_MxForumAndSamplePlan_ExportsTheSameBytes()
    {
        var first = await CreateDatabaseAsync();
        var second = await CreateDatabaseAsync();
        var exportFile = Path.Combine(Directory, "first.json");
        await PactaCommand.RunAsync(first, "db", "migrate");
        await PactaCommand.RunAsync(first, "import", MxForum);
        await PactaCommand.RunAsync(first, "import", SamplePlan);
        var exported = await PactaCommand.RunAsync(first, "export", exportFile);
        await PactaCommand.RunAsync(second, "db", "migrate");

        var imported = await PactaCommand.RunAsync(second, "import", exportFile);
        var again = await PactaCommand.RunAsync(second, "export", "-");

        Assert.True(exported.ExitCode == 0, exported.ToString());
        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Equal(await File.ReadAllTextAsync(exportFile), again.Output);
        Assert.Contains("\"weight\": 20\n", again.Output, StringComparison.Ordinal);
        Assert.Contains("\"fictional\": true", again.Output, StringComparison.Ordinal);
    }
}

public sealed class DbMigrateTestsOnSqlite : DbMigrateTests
{
    private int _databases;

    protected override Task<DatabaseSettings> CreateDatabaseAsync()
    {
        var directory = Path.Combine(Directory, $"data{++_databases}");
        return Task.FromResult(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "pacta.db")}", directory));
    }

    [Fact]
    public async Task DbMigrate_Sqlite_SwitchesTheFileToWriteAheadLogging()
    {
        var settings = await CreateDatabaseAsync();

        await PactaCommand.RunAsync(settings, "db", "migrate");

        await using var connection = new SqliteConnection(settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Import_SqliteWithoutDatabase_MigratesByItselfLikeTheWebApp()
    {
        var settings = await CreateDatabaseAsync();

        var result = await PactaCommand.RunAsync(settings, "import", MxForum);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches($@"^pacta: SQLite .+: applied {AllMigrations(settings)}\n$", result.Error.ReplaceLineEndings("\n"));
        await using var db = settings.CreateContext();
        Assert.Equal(13, await db.Commitments.CountAsync());
    }

    [Fact]
    public async Task Import_SqliteWithMigrateAtStartOff_RefusesAndCreatesNoFile()
    {
        var settings = await CreateDatabaseAsync();
        var configuration = PactaCommand.Settings(settings);
        configuration["Pacta:Database:MigrateAtStart"] = "false";

        var result = await PactaCommand.RunAsync(configuration, "import", MxForum);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("run `pacta db migrate`", result.Error, StringComparison.Ordinal);
        Assert.False(System.IO.Directory.Exists(settings.DataDirectory));
    }

    [Fact]
    public async Task Import_BadFileWithoutDatabase_CreatesNoDatabase()
    {
        var settings = await CreateDatabaseAsync();

        var result = await PactaCommand.RunAsync(settings, "import", RepositoryFiles.Path("testdata", "bad", "wrong-type.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.False(System.IO.Directory.Exists(settings.DataDirectory));
    }
}

public sealed class DbMigrateTestsOnPostgres : DbMigrateTests
{
    private readonly List<string> _databases = [];

    protected override async Task<DatabaseSettings> CreateDatabaseAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        _databases.Add(connectionString);
        return new DatabaseSettings(DatabaseProvider.Postgres, connectionString, Directory);
    }

    public override async Task DisposeAsync()
    {
        foreach (var database in _databases) await TestPostgres.DropDatabaseAsync(database);
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Import_PostgresNeverMigrated_ExitsOneSaysRunDbMigrateAndCreatesNothing()
    {
        var settings = await CreateDatabaseAsync();

        var result = await PactaCommand.RunAsync(settings, "import", MxForum);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Matches($@"^pacta: the schema of PostgreSQL 127\.0\.0\.1:[0-9]+/pacta_test_[0-9a-f]+ is behind: {AllMigrations(settings)} not applied; run `pacta db migrate`\n$",
            result.Error.ReplaceLineEndings("\n"));
        await using var db = settings.CreateContext();
        Assert.Empty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Import_PostgresUnreachable_ExitsOneWithoutAStackTrace()
    {
        var settings = new DatabaseSettings(DatabaseProvider.Postgres, "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=5", Directory);

        var result = await PactaCommand.RunAsync(settings, "import", MxForum);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("pacta: database error: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
