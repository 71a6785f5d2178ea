using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pacta.Web.Tests.Infrastructure;
using Pacta.Web.Tests.Verify;
using static Pacta.Web.Tests.People.PeopleTesting;

namespace Pacta.Web.Tests.Demo;

/// <summary>
/// The fictional demo forum (<c>Pacta:Seed:Forum=demo</c>) shows every state the issue names — draft, partly approved,
/// agreed, amended, pending amendment, on track, at risk, stalled, overdue, disputed, complete — labelled fictional, with
/// votes whose signatures pacta verify checks like any others; and nobody can sign in as its fictional people.
/// </summary>
public abstract class DemoForumTests(PactaApp app) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("pacta-demo-").FullName;

    public void Dispose()
    {
        Directory.Delete(directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task PlanOne_ShowsEveryProgressStatus_AfterEveryPartyMovedItToImplementation()
    {
        using var status = await JsonAsync("/api/v1/plans/1/status");
        var statuses = status.RootElement.EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["P1-01"] = "on-track", ["P1-02"] = "stalled", ["P1-03"] = "overdue", ["P1-04"] = "complete",
                ["P1-05"] = "on-track", ["P1-06"] = "on-track", ["P1-07"] = "on-track", ["P1-08"] = "at-risk",
            },
            statuses);

        using var plan = await JsonAsync("/api/v1/plans/1");
        Assert.Equal("implementation", plan.RootElement.GetProperty("state").GetString());
        Assert.True(plan.RootElement.GetProperty("fictional").GetBoolean());
        using var stages = await JsonAsync("/api/v1/plans/1/stages");
        var proposal = Assert.Single(stages.RootElement.EnumerateArray());
        Assert.Equal("agreed", proposal.GetProperty("outcome").GetString());
        Assert.Equal(5, proposal.GetProperty("votes").GetArrayLength()); // the executive, the guarantor, three organisations

        // The dashboard puts the overdue and stalled ones first, and says the plan is fictional.
        var (_, dashboard, _) = await GetAsync(app.CreateClient(), "/es/plans/1/dashboard");
        Assert.Equal(["P1-03", "P1-02", "P1-08"], dashboard.QuerySelectorAll("tbody tr").Take(3).Select(r => Text(r.QuerySelector("td"))));
        Assert.NotNull(dashboard.QuerySelector(".fictional-notice"));
    }

    [Fact]
    public async Task Commitments_ShowAgreedAmendedPendingAndDisputed()
    {
        using var amended = await JsonAsync("/api/v1/commitments/P1-06/versions");
        Assert.Equal(["draft", "amendment"], amended.RootElement.EnumerateArray().Select(v => v.GetProperty("kind").GetString()));
        Assert.All(amended.RootElement.EnumerateArray(), v => Assert.NotEqual(JsonValueKind.Null, v.GetProperty("agreedAt").ValueKind));

        var (_, pending, _) = await GetAsync(app.CreateClient(), "/es/commitments/P1-07");
        Assert.Equal("Modificación pendiente (versión 2)", Text(pending.QuerySelector("#pending-heading")));

        var (_, disputed, _) = await GetAsync(app.CreateClient(), "/en/commitments/P1-05");
        var main = Text(disputed.QuerySelector("main"));
        Assert.Contains("Las auditorías se hicieron en tres regiones, no en cinco", main, StringComparison.Ordinal);
        Assert.Contains("Las dos actas restantes se publicarán este mes.", main, StringComparison.Ordinal);

        var (_, complete, _) = await GetAsync(app.CreateClient(), "/es/commitments/P1-04");
        Assert.NotNull(complete.QuerySelector("a[href^='/evidence/']"));
    }

    [Fact]
    public async Task PlanTwo_InCoCreation_HasADraftAndAPartlyApprovedDraft()
    {
        using var draft = await JsonAsync("/api/v1/commitments/P2-01/versions");
        Assert.Equal(2, draft.RootElement.GetArrayLength());
        Assert.All(draft.RootElement.EnumerateArray(), v => Assert.Equal(0, v.GetProperty("votes").GetArrayLength()));

        using var partly = await JsonAsync("/api/v1/commitments/P2-02/versions");
        var parties = Assert.Single(partly.RootElement.EnumerateArray()).GetProperty("parties");
        Assert.Equal("approved", parties.GetProperty("executive").GetString());
        Assert.Equal("approved", parties.GetProperty("guarantor").GetString());
        Assert.Equal("pending", parties.GetProperty("civil-society").GetString());
    }

    [Fact]
    public async Task TheRecord_Verifies_AndTheFictionalPeopleCannotSignIn()
    {
        await app.PublishAsync();
        var result = await VerifyRun.AgainstAsync(app, "--url", "http://localhost", "--key", app.VerifierKey(), "--state", Path.Combine(directory, "state.json"));
        Assert.True(result.ExitCode == 0, result.ToString());

        // No password, and passkeys whose private keys were thrown away at seeding.
        await using var db = app.CreateDbContext();
        var people = await db.Users.Where(m => m.Email!.EndsWith("@example.invalid")).Select(m => m.PasswordHash).ToListAsync();
        Assert.Equal(6, people.Count);
        Assert.All(people, Assert.Null);
        var (_, home, _) = await GetAsync(app.CreateClient(), "/es/");
        Assert.Contains("(ficticio)", Text(home.QuerySelector("h1")), StringComparison.Ordinal);
    }

    private async Task<JsonDocument> JsonAsync(string path) =>
        JsonDocument.Parse(await app.CreateClient().GetStringAsync(new Uri(path, UriKind.Relative)));
}

public sealed class DemoForumTestsOnSqlite(DemoSqliteApp app) : DemoForumTests(app), IClassFixture<DemoSqliteApp>;

public sealed class DemoForumTestsOnPostgres(DemoPostgresApp app) : DemoForumTests(app), IClassFixture<DemoPostgresApp>;
