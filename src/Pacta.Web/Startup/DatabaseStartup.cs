using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;
using Pacta.Core.ForumDocuments;
using Pacta.Core.RecordStore;

namespace Pacta.Web.Startup;

internal static class DatabaseStartup
{
    public static void AddPactaDatabase(this WebApplicationBuilder builder)
    {
        var settings = DatabaseSettings.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddDbContextPool<PactaDbContext>(settings.Configure);

        // Every state-changing operation goes through the one RecordWriter of this process (group commit,
        // docs/adr/0002-record-storage.md). It makes a context of its own per group, outside the request
        // pool: a group outlives the request that queued its first operation.
        var writerOptions = new DbContextOptionsBuilder<PactaDbContext>();
        settings.Configure(writerOptions);
        builder.Services.AddSingleton(services => new RecordWriter(
            () => new PactaDbContext(writerOptions.Options), services.GetService<TimeProvider>() ?? TimeProvider.System));

        // Antiforgery tokens (and, later, sign-in cookies) are protected by keys kept beside the data,
        // never in the database: a copy of the database alone must not be enough to forge them.
        var keys = builder.Configuration["Pacta:DataProtection:KeysDirectory"] is { Length: > 0 } k
            ? Path.GetFullPath(k) : Path.Combine(settings.DataDirectory, "keys");
        builder.Services.AddDataProtection().SetApplicationName("Pacta").PersistKeysToFileSystem(new DirectoryInfo(keys));
    }

    /// <summary>
    /// Brings the database to the current schema and loads the seed forum on first start.
    /// On PostgreSQL, migrations are the operator's step (<c>pacta db migrate</c>) unless
    /// <c>Pacta:Database:MigrateAtStart</c> is true; a schema that is behind stops the start with that advice.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Pacta.Startup");
        settings.EnsureDataDirectory();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PactaDbContext>();
        var migrateAtStart = app.Configuration.GetValue<bool?>("Pacta:Database:MigrateAtStart") ?? settings.Provider == DatabaseProvider.Sqlite;
        if (migrateAtStart)
        {
            await SqliteDurability.EnsureAsync(db);
            await db.Database.MigrateAsync();
        }
        else if ((await db.Database.GetPendingMigrationsAsync()).ToList() is { Count: > 0 } pending)
        {
            throw new InvalidOperationException(
                $"The database is missing {pending.Count} migration(s) ({string.Join(", ", pending)}): run `pacta db migrate` first (docs/operator.md).");
        }
        await SqliteDurability.EnsureAsync(db);

        if (app.Configuration.GetValue("Pacta:Seed:OnFirstStart", true) && !await db.Forums.AnyAsync())
        {
            // Mexico's forum with the fictional sample plan, or (Pacta:Seed:Forum=demo) the fictional demo forum, where
            // every state of co-creation and progress is shown with signed votes (src/Pacta.Web/Demo/DemoForum.cs).
            var forum = app.Configuration["Pacta:Seed:Forum"] ?? "mexico";
            if (forum == "demo")
            {
                await new Demo.DemoForum(scope.ServiceProvider, app.Services.GetService<TimeProvider>() ?? TimeProvider.System)
                    .SeedAsync(Path.Combine(AppContext.BaseDirectory, "Seed", Demo.DemoForum.File));
                logger.LogInformation("First start: loaded the fictional demo forum ({File})", Demo.DemoForum.File);
                return;
            }
            if (forum != "mexico") throw new InvalidOperationException($"Pacta:Seed:Forum is \"{forum}\": it is \"mexico\" (the default) or \"demo\" (docs/operator.md).");
            foreach (var file in new[] { "mx-forum.json", "sample-plan.json" })
            {
                var path = Path.Combine(AppContext.BaseDirectory, "Seed", file);
                var result = await new ImportForumDocument(db).ExecuteAsync(file, await File.ReadAllBytesAsync(path));
                if (!result.Succeeded)
                    throw new InvalidOperationException($"Loading {file} on first start failed:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors)}");
                logger.LogInformation("First start: loaded {File} ({Summary})", file, result.Summary);
                db.ChangeTracker.Clear();
            }
        }
    }
}
