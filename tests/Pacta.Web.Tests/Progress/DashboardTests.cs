using Pacta.Web.Tests.Infrastructure;
using static Pacta.Web.Tests.Agreements.AgreementTesting;

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
