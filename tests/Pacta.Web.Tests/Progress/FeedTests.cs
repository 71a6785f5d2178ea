using System.Xml.Linq;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Progress;

/// <summary>Atom feeds per plan and per commitment: what happened, and when a milestone fell overdue with nothing reported.</summary>
public abstract class FeedTests(PactaApp app)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task PlanFeed_IsAtom_AndSaysWhenAMilestoneFellOverdue()
    {
        using var response = await app.CreateClient().GetAsync(new Uri("/en/plans/99/feed.atom", UriKind.Relative));

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.EndsWith("Fictional. · Pacta", feed.Element(Atom + "title")!.Value, StringComparison.Ordinal);
        var overdue = feed.Elements(Atom + "entry").Single(e => e.Element(Atom + "title")!.Value == "DEMO01, milestone 1: overdue, not complete");
        // The day after its end date (2025-06-30): the moment silence became a fact.
        Assert.Equal("2025-07-01T00:00:00Z", overdue.Element(Atom + "updated")!.Value);
        Assert.EndsWith("/en/commitments/DEMO01#milestone-1", overdue.Element(Atom + "link")!.Attribute("href")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitmentFeed_OfAnImportedPlanOfUnknownState_ClaimsNoOverdue()
    {
        using var response = await app.CreateClient().GetAsync(new Uri("/es/commitments/MX0081/feed.atom", UriKind.Relative));

        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Empty(feed.Elements(Atom + "entry"));
    }

    [Fact]
    public async Task Feed_OfAnUnknownCommitment_IsNotFound()
    {
        using var response = await app.CreateClient().GetAsync(new Uri("/es/commitments/XX9999/feed.atom", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class FeedTestsOnSqlite(SqliteApp app) : FeedTests(app), IClassFixture<SqliteApp>;

public sealed class FeedTestsOnPostgres(PostgresApp app) : FeedTests(app), IClassFixture<PostgresApp>;
