using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
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

/// <summary>
/// A signed-in reader's dashboard, never from the output cache: its statuses are those of the request's own instant (not
/// of the minute, nor of when its rows were last computed), and a change to the record shows on the next request.
/// </summary>
public abstract class DashboardClockTests(PactaApp app)
{
    private const string Page = "/en/plans/97/dashboard";

    [Fact]
    public async Task SignedInDashboard_FollowsTheClockToTheSecond_AndTheRecordAtOnce()
    {
        // The last second of the milestone's end date: started in January, nothing reported, so stalled, not yet overdue.
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 6, 15, 23, 59, 59, TimeSpan.Zero));
        await using var factory = app.WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        await ImportAsync("""{ "code": "CLOCK1", "title": { "es": "Compromiso del reloj", "en": "Clock commitment" }, "milestones": [ { "title": { "es": "Hito", "en": "Milestone" }, "start": "2030-01-01", "end": "2030-06-15" } ] }""");
        var member = await app.CreateMemberAsync("AGE");
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
        using (var signIn = await client.PostAsync(new Uri(TestSignIn.PathPrefix + member.Id, UriKind.Relative), null))
            Assert.Equal(System.Net.HttpStatusCode.NoContent, signIn.StatusCode);

        Assert.Equal(["Stalled"], await StatusesAsync(client));
        Assert.Equal(["Stalled"], await StatusesAsync(client));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(["Overdue"], await StatusesAsync(client));

        await ImportAsync("""{ "code": "CLOCK1", "title": { "es": "Compromiso del reloj", "en": "Clock commitment" }, "milestones": [ { "title": { "es": "Hito", "en": "Milestone" }, "start": "2030-01-01", "end": "2030-06-15" } ] }, { "code": "CLOCK2", "title": { "es": "Otro", "en": "Another" }, "milestones": [ { "title": { "es": "Hito", "en": "Milestone" }, "start": "2030-09-01", "end": "2030-12-31" } ] }""");
        Assert.Equal(["Overdue", "Not due yet"], await StatusesAsync(client));
        // The same rows in the other language: each language's markup is its own.
        Assert.Equal(["Vencido", "Aún no inicia"], await StatusesAsync(client, "/es/plans/97/dashboard"));
        Assert.Equal(["Overdue", "Not due yet"], await StatusesAsync(client));
    }

    private static async Task<List<string>> StatusesAsync(HttpClient client, string path = Page)
    {
        var (status, page, _) = await GetAsync(client, path);
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        return [.. page.QuerySelectorAll("tbody tr").Select(r => Text(r.Children[2]))];
    }

    private async Task ImportAsync(string commitments)
    {
        await using var db = app.CreateDbContext();
        var result = await new Pacta.Core.ForumDocuments.ImportForumDocument(db).ExecuteAsync("clock.json", System.Text.Encoding.UTF8.GetBytes(
            $$"""{ "format": "open-government-forum/1", "plans": [ { "number": 97, "title": { "es": "Plan del reloj (ficticio)", "en": "Clock plan (fictional)" }, "period": { "from": "2030-01", "to": "2031-12", "extendedTo": null }, "state": "implementation", "fictional": true, "commitments": [ {{commitments}} ] } ] }"""));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }
}

public sealed class DashboardClockTestsOnSqlite(SqliteApp app) : DashboardClockTests(app), IClassFixture<SqliteApp>;

public sealed class DashboardClockTestsOnPostgres(PostgresApp app) : DashboardClockTests(app), IClassFixture<PostgresApp>;

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
