using Pacta.Web.Tests.Infrastructure;
using static Pacta.Web.Tests.People.PeopleTesting;

namespace Pacta.Web.Tests.Progress;

/// <summary>The plan's public dashboard: computed statuses, worst first, filters by status and institution, and what an institution owes.</summary>
public abstract class DashboardTests(PactaApp app)
{
    [Fact]
    public async Task Dashboard_ListsEveryCommitment_WorstFirst_WithItsStatusAndCompletion()
    {
        var (_, page, _) = await GetAsync(app.CreateClient(), "/en/plans/99/dashboard");

        var rows = page.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(3, rows.Count);
        // Today is after every sample milestone's end with nothing reported: each commitment is overdue, not silently "on track".
        Assert.All(rows, r => Assert.Equal("Overdue", Text(r.Children[2])));
        Assert.All(rows, r => Assert.Equal("Never reported", Text(r.Children[5])));
        Assert.Equal("3 of 3 commitments, what needs attention first", Text(page.QuerySelector("caption")));
    }

    [Fact]
    public async Task Dashboard_ByInstitution_ShowsWhatItOwes()
    {
        var (_, page, _) = await GetAsync(app.CreateClient(), "/es/plans/99/dashboard?institution=AGE&status=overdue");

        Assert.Equal("Lo que debe AGE", Text(page.QuerySelector("#owes-heading")));
        Assert.Contains("DEMO01 · Hito 1", Text(page.QuerySelector("#owes-heading + ul")), System.StringComparison.Ordinal);
        Assert.Equal("AGE", page.QuerySelector("#filter-institution option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Dashboard_WithAFilterThatNamesNothing_ShowsEverything() =>
        Assert.Equal(3, (await GetAsync(app.CreateClient(), "/es/plans/99/dashboard?status=<script>&institution=%00")).Document.QuerySelectorAll("tbody tr").Length);
}

public sealed class DashboardTestsOnSqlite(SqliteApp app) : DashboardTests(app), IClassFixture<SqliteApp>;

public sealed class DashboardTestsOnPostgres(PostgresApp app) : DashboardTests(app), IClassFixture<PostgresApp>;

/// <summary>The dashboard from the output cache: the same page, its headers, and a fresh one once the record grows.</summary>
public abstract class DashboardCacheTests(PactaApp app)
{
    [Fact]
    public async Task CachedDashboard_KeepsTheSecurityHeaders_AndFollowsTheRecord()
    {
        var client = app.CreateClient();
        using var first = await client.GetAsync(new Uri("/es/plans/100/dashboard", UriKind.Relative));
        using var second = await client.GetAsync(new Uri("/es/plans/100/dashboard", UriKind.Relative));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Contains("default-src 'none'", second.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.NotNull(second.Headers.Age);

        // A commitment imported since: the record grew, so the page is read again.
        await using (var db = app.CreateDbContext())
        {
            var result = await new Pacta.Core.ForumDocuments.ImportForumDocument(db).ExecuteAsync("cache.json", System.Text.Encoding.UTF8.GetBytes("""{ "format": "open-government-forum/1", "plans": [ { "number": 100, "title": { "es": "Plan de acción de ejemplo 2027-2029 (ficticio), en co-creación", "en": "Sample action plan 2027-2029 (fictional), in co-creation" }, "period": { "from": "2027-07", "to": "2029-06", "extendedTo": null }, "state": "co-creation", "fictional": true, "commitments": [ { "code": "CACHE1", "title": { "es": "Compromiso nuevo", "en": null } } ] } ] }"""));
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        }
        using var third = await client.GetAsync(new Uri("/es/plans/100/dashboard", UriKind.Relative));
        Assert.Contains("CACHE1", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class DashboardCacheTestsOnSqlite(SqliteApp app) : DashboardCacheTests(app), IClassFixture<SqliteApp>;

public sealed class DashboardCacheTestsOnPostgres(PostgresApp app) : DashboardCacheTests(app), IClassFixture<PostgresApp>;

/// <summary>The dashboard as open data: JSON and a CSV of one row per milestone.</summary>
public abstract class StatusApiTests(PactaApp app)
{
    [Fact]
    public async Task Status_IsTheDashboardAsData()
    {
        using var response = await app.CreateClient().GetAsync(new Uri("/api/v1/plans/99/status", UriKind.Relative));
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var demo = json.RootElement.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "DEMO01");
        Assert.Equal("overdue", demo.GetProperty("status").GetString());
        Assert.Equal("overdue", demo.GetProperty("milestones")[0].GetProperty("status").GetString());
        Assert.Equal("not-started", demo.GetProperty("milestones")[0].GetProperty("completion").GetString());
    }

    [Fact]
    public async Task Status_OfAnImportedPlanOfUnknownState_ClaimsNoStatus()
    {
        using var response = await app.CreateClient().GetAsync(new Uri("/api/v1/plans/4/status", UriKind.Relative));
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.All(json.RootElement.EnumerateArray(), c => Assert.Equal(System.Text.Json.JsonValueKind.Null, c.GetProperty("status").ValueKind));
    }

    [Fact]
    public async Task StatusCsv_HasOneRowPerMilestone_WithNamedColumns()
    {
        using var response = await app.CreateClient().GetAsync(new Uri("/api/v1/plans/99/status.csv", UriKind.Relative));
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("commitment_code,plan,commitment_title_es", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + 6, lines.Length); // the sample plan's three commitments have six milestones
    }
}

public sealed class StatusApiTestsOnSqlite(SqliteApp app) : StatusApiTests(app), IClassFixture<SqliteApp>;

public sealed class StatusApiTestsOnPostgres(PostgresApp app) : StatusApiTests(app), IClassFixture<PostgresApp>;

/// <summary>The output cache never mixes a signed-in reader's page with the public one, either way.</summary>
public abstract class PageCacheTests(PactaApp app)
{
    [Fact]
    public async Task CommitmentPage_ForASignedInReader_IsNeverTheCachedPublicOne_NorCached()
    {
        var anonymous = app.CreateClient();
        var member = await app.SignInAsync(await app.CreateMemberAsync("AGE"));

        var (_, before, _) = await GetAsync(anonymous, "/es/commitments/DEMO02");
        var (_, signedIn, _) = await GetAsync(member, "/es/commitments/DEMO02");
        var (_, after, _) = await GetAsync(anonymous, "/es/commitments/DEMO02");

        Assert.Null(before.QuerySelector("a[href$='/report']"));
        Assert.NotNull(signedIn.QuerySelector("a[href$='/report']"));
        Assert.Null(after.QuerySelector("a[href$='/report']"));
    }
}

public sealed class PageCacheTestsOnSqlite(SqliteApp app) : PageCacheTests(app), IClassFixture<SqliteApp>;

public sealed class PageCacheTestsOnPostgres(PostgresApp app) : PageCacheTests(app), IClassFixture<PostgresApp>;
