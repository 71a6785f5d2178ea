using System.Net;
using Microsoft.EntityFrameworkCore;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Api;

/// <summary>
/// An unexpected failure (here: the database loses a table under the running app) is a 500 problem
/// that tells nothing of the cause. Its own class, because it breaks its fixture's database.
/// </summary>
public abstract class ApiServerErrorTests(PactaApp app)
{
    [Fact]
    public async Task Get_DatabaseFails_Is500ProblemWithoutExceptionDetails()
    {
        await using (var db = app.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "Milestones" RENAME TO "MilestonesGone" """);
        }
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Origin", "https://example.org");

        using var response = await client.GetAsync("/api/v1/commitments/MX0075");

        var problem = await ApiHttp.AssertProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.Contains("unexpected error", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var body = problem.ToString();
        foreach (var leak in new[] { "Milestones", "Exception", "SQLite", "Npgsql", "relation", " at Pacta", "PactaDbContext" })
            Assert.DoesNotContain(leak, body, StringComparison.OrdinalIgnoreCase);
        // Open data headers survive the exception handler clearing the response.
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("cross-origin", Assert.Single(response.Headers.GetValues("Cross-Origin-Resource-Policy")));
        Assert.Contains("default-src 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }
}

public sealed class ApiServerErrorTestsOnSqlite(SqliteApp app) : ApiServerErrorTests(app), IClassFixture<SqliteApp>;

public sealed class ApiServerErrorTestsOnPostgres(PostgresApp app) : ApiServerErrorTests(app), IClassFixture<PostgresApp>;
