using System.Text;
using Microsoft.EntityFrameworkCore;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Security;

/// <summary>
/// The keys that protect sign-in cookies, antiforgery tokens and private spaces live in the data directory, never
/// in the database: a copy of the database alone can forge no cookie and unwrap no party's key.
/// </summary>
public abstract class DataProtectionKeysTests(PactaApp app)
{
    [Fact]
    public async Task KeyRing_IsAFileBesideTheData_AndNotInTheDatabase()
    {
        // Signing someone in protects a cookie, which makes the key ring exist.
        using var client = await app.SignInAsync(await app.CreateMemberAsync("SFP"));

        var keys = Directory.GetFiles(Path.Combine(app.DataDirectory, "keys"), "key-*.xml");
        Assert.NotEmpty(keys);
        var keyId = Path.GetFileNameWithoutExtension(keys[0])["key-".Length..];

        await using var db = app.CreateDbContext();
        Assert.DoesNotContain(db.Model.GetEntityTypes(), e => e.GetTableName()?.Contains("DataProtection", StringComparison.OrdinalIgnoreCase) == true);
        var rows = string.Join("\n", await db.SnapshotAsync());
        Assert.DoesNotContain(keyId, rows, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<masterKey", rows, StringComparison.Ordinal);
        if (app.Provider == Core.Data.DatabaseProvider.Sqlite)
        {
            var file = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Path.Combine(app.DataDirectory, "pacta.db")));
            Assert.DoesNotContain(keyId, file, StringComparison.OrdinalIgnoreCase);
        }
    }
}

public sealed class DataProtectionKeysTestsOnSqlite(SqliteApp app) : DataProtectionKeysTests(app), IClassFixture<SqliteApp>;

public sealed class DataProtectionKeysTestsOnPostgres(PostgresApp app) : DataProtectionKeysTests(app), IClassFixture<PostgresApp>;
