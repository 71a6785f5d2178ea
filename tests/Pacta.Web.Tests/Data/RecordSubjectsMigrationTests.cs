using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pacta.Core.Data;
using Pacta.Core.Record.Merkle;
using Pacta.Core.RecordStore;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Data;

/// <summary>
/// A database whose entries were stored before <see cref="RecordEntry.Subject"/> existed gets each entry's
/// subject from its own bytes when migrated, so entity pages link to the right entry after an upgrade.
/// </summary>
public abstract class RecordSubjectsMigrationTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Migrating_EntriesStoredBeforeSubjects_FillsEachSubjectFromItsEvent()
    {
        var connectionString = provider == DatabaseProvider.Postgres
            ? await TestPostgres.CreateDatabaseAsync()
            : $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("pacta-migration-").FullName, "pacta.db")}";
        try
        {
            await using var db = new DatabaseSettings(provider, connectionString, ".").CreateContext();
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var beforeSubjects = migrations[migrations.FindIndex(m => m.EndsWith("_RecordSubjects", StringComparison.Ordinal)) - 1];
            await migrator.MigrateAsync(beforeSubjects);

            var bytes = "{\"actor\":{\"role\":\"operator\"},\"data\":{},\"subject\":\"commitment/MX0081\",\"time\":\"2026-11-25T00:00:00Z\",\"type\":\"commitment.imported\"}"u8.ToArray();
            await db.Database.ExecuteSqlRawAsync(
                """INSERT INTO "RecordEntries" ("Index", "Bytes", "LeafHash") VALUES (0, {0}, {1})""",
                bytes, Hash.Leaf(bytes).ToArray());

            await migrator.MigrateAsync();

            var entry = await db.RecordEntries.AsNoTracking().SingleAsync();
            Assert.Equal("commitment/MX0081", entry.Subject);
        }
        finally
        {
            if (provider == DatabaseProvider.Postgres) await TestPostgres.DropDatabaseAsync(connectionString);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }
}

public sealed class RecordSubjectsMigrationTestsOnSqlite() : RecordSubjectsMigrationTests(DatabaseProvider.Sqlite);

public sealed class RecordSubjectsMigrationTestsOnPostgres() : RecordSubjectsMigrationTests(DatabaseProvider.Postgres);
