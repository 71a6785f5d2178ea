using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Core.Data;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Startup;

// Pacta runs on Debian; the data directory's Unix permissions are part of what is tested.
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class StartupTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"pacta-startup-{Guid.NewGuid():N}", "data");

    /// <summary>Pacta configured only through settings, as an operator would.</summary>
    private sealed class ConfiguredApp(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }

    [Fact]
    public async Task FirstStart_OnSqlite_CreatesOwnerOnlyDataDirectoryWithDurableDatabase()
    {
        await using (var app = new ConfiguredApp(new Dictionary<string, string?> { ["Pacta:DataDirectory"] = _dataDirectory }))
        {
            _ = app.Services;
        }

        Assert.True(File.Exists(Path.Combine(_dataDirectory, "pacta.db")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_dataDirectory));
        Assert.True(Directory.Exists(Path.Combine(_dataDirectory, "keys")), "the Data Protection key ring lives in the data directory, not the database");
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_dataDirectory, "pacta.db")};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task AppConnections_OnSqlite_AreSynchronousFullEveryTimeTheyOpen()
    {
        await using var app = new ConfiguredApp(new Dictionary<string, string?> { ["Pacta:DataDirectory"] = _dataDirectory });

        for (var i = 0; i < 3; i++)
        {
            // A new scope each time: the pooled context hands back a pooled connection, whose handle was set once.
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PactaDbContext>();
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA synchronous;";
            Assert.Equal(2L, (long)(await command.ExecuteScalarAsync())!);
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task SecondStart_OnTheSameData_DoesNotImportAgain()
    {
        var settings = new Dictionary<string, string?> { ["Pacta:DataDirectory"] = _dataDirectory };
        IReadOnlyList<string> afterFirst;
        await using (var first = new ConfiguredApp(settings))
        {
            _ = first.Services;
        }
        var database = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_dataDirectory, "pacta.db")};Pooling=false", _dataDirectory);
        await using (var db = database.CreateContext())
        {
            afterFirst = await db.SnapshotAsync();
            Assert.Equal(16, await db.Commitments.CountAsync());
        }

        await using (var second = new ConfiguredApp(settings))
        {
            _ = second.Services;
        }

        await using var again = database.CreateContext();
        Assert.Equal(afterFirst, await again.SnapshotAsync());
    }

    [Fact]
    public async Task Start_OnPostgresWithoutMigrations_RefusesAndSaysToMigrate()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await using var app = new ConfiguredApp(new Dictionary<string, string?>
            {
                ["Pacta:DataDirectory"] = _dataDirectory,
                ["Pacta:Database:Provider"] = "postgres",
                ["ConnectionStrings:Pacta"] = connectionString,
            });

            var error = Assert.Throws<InvalidOperationException>(() => app.Services);

            Assert.Contains("pacta db migrate", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    [Theory]
    [InlineData("mysql", "Pacta:Database:Provider")]
    [InlineData("postgres", "ConnectionStrings:Pacta")]
    public async Task Start_WithBadDatabaseSettings_NamesTheSetting(string provider, string expectedKey)
    {
        await using var app = new ConfiguredApp(new Dictionary<string, string?>
        {
            ["Pacta:DataDirectory"] = _dataDirectory,
            ["Pacta:Database:Provider"] = provider,
            ["ConnectionStrings:Pacta"] = "",
        });

        var error = Assert.Throws<InvalidOperationException>(() => app.Services);

        Assert.Contains(expectedKey, error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path.GetDirectoryName(_dataDirectory)!, recursive: true); } catch (IOException) { }
    }
}
