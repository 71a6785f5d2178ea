using System.Net;
using Microsoft.EntityFrameworkCore;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Security;

/// <summary>
/// A page that fails unexpectedly (the database loses a table under the running app) shows the
/// error page in the reader's language, with the security headers and nothing of the cause.
/// Its own class, because it breaks its fixture's database.
/// </summary>
public abstract class ServerErrorTests(PactaApp app)
{
    [Fact]
    public async Task Page_DatabaseFails_ShowsLocalizedErrorPageWithHeadersAndNoDetails()
    {
        await using (var db = app.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "Parties" RENAME TO "PartiesGone" """);
        }
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/en/");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Something went wrong", html, StringComparison.Ordinal);
        foreach (var leak in new[] { "PartiesGone", "Exception", "SQLite", "Npgsql", " at Pacta" })
            Assert.DoesNotContain(leak, html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }
}

public sealed class ServerErrorTestsOnSqlite(SqliteApp app) : ServerErrorTests(app), IClassFixture<SqliteApp>;

public sealed class ServerErrorTestsOnPostgres(PostgresApp app) : ServerErrorTests(app), IClassFixture<PostgresApp>;
