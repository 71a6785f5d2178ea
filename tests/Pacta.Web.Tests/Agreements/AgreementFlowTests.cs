using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Agreements;
using Pacta.Testing;
using Pacta.Web.Tests.Infrastructure;
using Pacta.Web.Tests.Verify;
using static Pacta.Web.Tests.Agreements.AgreementTesting;
using static Pacta.Web.Tests.People.PeopleTesting;

namespace Pacta.Web.Tests.Agreements;

/// <summary>
/// Co-creation to agreement and amendment through the pages, as the three parties' representatives: the executive
/// and the guarantor decide by a single representative, civil society by unanimity of its organisations. Every
/// approval is a passkey signature over the vote's statement; pacta verify --url agrees with the portal at the end.
/// </summary>
public abstract class AgreementFlowTests(PactaApp app) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("pacta-agreements-").FullName;

    public void Dispose()
    {
        Directory.Delete(directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task ThreeParties_CoCreateAgreeAndAmend_AndVerifyAgrees()
    {
        var executive = await app.RepresentativeAsync("SFP");
        var guarantor = await app.RepresentativeAsync("INAI");
        List<Representative> civilSociety = [];
        await using (var db = app.CreateDbContext())
            foreach (var organization in await db.Organizations.Where(o => o.PartyKey == "civil-society").OrderBy(o => o.ShortName).Select(o => o.ShortName).ToListAsync())
                civilSociety.Add(await app.RepresentativeAsync(organization, ofOrganization: true));

        // The executive opens a table on plan 100 (in co-creation) and drafts the first version.
        var (status, _, tablePath) = await PostFormWithLocationAsync(executive.Client, "/es/plans/100/tables/new", "open-table", ("Input.ThemeEs", "Controles democráticos de la vigilancia"));
        Assert.Equal(HttpStatusCode.Redirect, status);
        var (_, draftPage, versionsPath) = await PostFormWithLocationAsync(executive.Client, tablePath + "/draft", "draft", Draft("Controles a la intervención de comunicaciones"));
        Assert.True(versionsPath.Contains("/versions", StringComparison.Ordinal), Text(draftPage.QuerySelector("main")));
        var code = versionsPath.Split('/')[3];
        Assert.StartsWith("P100-", code, StringComparison.Ordinal);

        // A civil society representative not seated at the table may not draft; seated by themself, they may.
        var fundar = civilSociety.Single(r => r.Organization == "Fundar");
        var (_, refusedPage, _) = await GetAsync(fundar.Client, $"/es/commitments/{code}/draft");
        Assert.Contains("Solo quienes integran esta mesa", Text(refusedPage.QuerySelector("[role=alert]")), StringComparison.Ordinal);
        Assert.Null(refusedPage.QuerySelector("form.draft-form"));
        var (seated, _) = await PostFormAsync(fundar.Client, tablePath, "seat", ("Seat.Member", fundar.Member.Id.ToString()));
        Assert.Equal(HttpStatusCode.OK, seated);
        var (_, _, second) = await PostFormWithLocationAsync(fundar.Client, $"/es/commitments/{code}/draft", "draft",
            Draft("Controles democráticos a la intervención de comunicaciones privadas"));
        Assert.EndsWith("#version-2", second, StringComparison.Ordinal);

        // The history shows both versions and a word-level comparison.
        var (_, history, _) = await GetAsync(app.CreateClient(), $"/en/commitments/{code}/versions?from=1&to=2");
        Assert.True(Text(history.QuerySelector(".diff ins")) == "democráticos", Text(history.QuerySelector("body")));
        var hash = await HashAsync(code, 2);

        // A vote on the superseded version, or signed by another key, is refused and stores nothing.
        var (_, offered, _) = await GetAsync(executive.Client, $"/es/commitments/{code}/versions/1/vote");
        Assert.Contains("Hay una versión más reciente", Text(offered.QuerySelector("[role=alert]")), StringComparison.Ordinal);
        Assert.Null(offered.QuerySelector("form[data-passkey=vote]"));
        var (superseded, supersededPage) = await executive.VoteAsync(code, 1, await HashAsync(code, 1), formOf: 2);
        Assert.Equal(HttpStatusCode.BadRequest, superseded);
        // No page offers that form: Blazor refuses the crafted post before any handler runs (CastVoteTests checks the operation itself).
        using (var intruder = new TestAuthenticator())
        {
            var (forged, forgedPage) = await guarantor.VoteAsync(code, 2, hash, signer: intruder);
            Assert.Equal(HttpStatusCode.BadRequest, forged);
            Assert.Contains("La firma no corresponde a este voto", Text(forgedPage.QuerySelector("[role=alert]")), StringComparison.Ordinal);
        }
        await using (var db = app.CreateDbContext()) Assert.Equal(0, await db.Votes.CountAsync(v => v.CommitmentCode == code));

        // Each party approves; approving twice is refused; the last organisation's approval agrees the version.
        Assert.Equal(HttpStatusCode.OK, (await executive.VoteAsync(code, 2, hash)).Status);
        var (_, twicePage, _) = await GetAsync(executive.Client, $"/es/commitments/{code}/versions/2/vote");
        Assert.Contains("ya votó esta versión", Text(twicePage.QuerySelector("[role=alert]")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await guarantor.VoteAsync(code, 2, hash)).Status);
        foreach (var representative in civilSociety.SkipLast(1))
        {
            var (approved, approvedPage) = await representative.VoteAsync(code, 2, hash);
            Assert.True(approved == HttpStatusCode.OK, Text(approvedPage.QuerySelector("main")));
        }
        await AssertStateAsync(code, "draft", null);
        var (last, lastPage) = await civilSociety[^1].VoteAsync(code, 2, hash);
        Assert.Equal(HttpStatusCode.OK, last);
        Assert.Contains("ahora es el texto acordado", Text(lastPage.QuerySelector("[role=status]")), StringComparison.Ordinal);
        await AssertStateAsync(code, "agreed", 2);
        var (_, plan, _) = await GetAsync(app.CreateClient(), "/es/plans/100");
        Assert.True(Text(plan.QuerySelector("main")).Contains(code, StringComparison.Ordinal), Text(plan.QuerySelector("main")));

        // An amendment leaves the agreed text standing, shown beside the proposal, until every party approves it.
        var (_, _, amended) = await PostFormWithLocationAsync(guarantor.Client, $"/es/commitments/{code}/amend", "draft",
            Draft("Controles democráticos a la intervención de comunicaciones privadas", ("Draft.end", "2029-12-31"),
                ("Draft.reason.es", "La reforma legal se aprobará hasta 2029."), ("Draft.effect.es", "El plazo final pasa de junio a diciembre de 2029.")));
        Assert.EndsWith("#version-3", amended, StringComparison.Ordinal);
        var (_, pending, _) = await GetAsync(app.CreateClient(), $"/es/commitments/{code}");
        Assert.Equal("Modificación pendiente (versión 3)", Text(pending.QuerySelector("#pending-heading")));
        var endRow = pending.QuerySelectorAll(".pending-amendment tbody tr").Single(r => Text(r.QuerySelector("th")) == "Fin");
        Assert.Equal(["2029-06-30", "2029-12-31"], endRow.QuerySelectorAll("td").Select(Text));
        await AssertStateAsync(code, "agreed", 2, endDate: "2029-06-30");
        var amendmentHash = await HashAsync(code, 3);
        foreach (var representative in (Representative[])[executive, guarantor, .. civilSociety])
            Assert.Equal(HttpStatusCode.OK, (await representative.VoteAsync(code, 3, amendmentHash)).Status);
        await AssertStateAsync(code, "agreed", 3, endDate: "2029-12-31");

        await app.PublishAsync();
        var result = await VerifyRun.AgainstAsync(app, "--url", "http://localhost", "--key", app.VerifierKey(), "--state", Path.Combine(directory, "state.json"));
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task AnObjection_WithoutAReason_IsRefused_AndWithOne_IsShown()
    {
        var executive = await app.RepresentativeAsync("SFP");
        var code = await DraftAsync(executive);
        var hash = await HashAsync(code, 1);

        var (refused, refusedPage) = await executive.VoteAsync(code, 1, hash, VoteDecision.Objection);
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.NotEmpty(Text(refusedPage.QuerySelector("[role=alert]")));
        var (objected, objectedPage) = await executive.VoteAsync(code, 1, hash, VoteDecision.Objection, "El calendario no es realista.");
        Assert.True(objected == HttpStatusCode.OK, Text(objectedPage.QuerySelector("main")));

        var (_, history, _) = await GetAsync(app.CreateClient(), $"/es/commitments/{code}/versions");
        Assert.Contains("El calendario no es realista.", Text(history.QuerySelector("#version-1 blockquote")), StringComparison.Ordinal);
        Assert.Contains("objetada", Text(history.QuerySelector("#version-1")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_WithAnEndBeforeItsStartAndANegativeWeight_NamesTheFields_AndStoresNothing()
    {
        var executive = await app.RepresentativeAsync("SFP");
        var (_, _, tablePath) = await PostFormWithLocationAsync(executive.Client, "/es/plans/100/tables/new", "open-table", ("Input.ThemeEs", "Datos abiertos"));
        await using var before = app.CreateDbContext();
        var versions = await before.CommitmentVersions.CountAsync();

        var (status, page) = await PostFormAsync(executive.Client, tablePath + "/draft", "draft",
            Draft("Título", ("Draft.end", "2026-01-01"), ("Draft.milestones[0].weight", "-3")));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("La fecha de fin es anterior a la de inicio.", Text(page.QuerySelector("#draft-end ~ .field-error")));
        Assert.Contains("Peso: El peso debe ser un número positivo", Text(page.QuerySelector(".milestone-row .field-error")), StringComparison.Ordinal);
        await using var after = app.CreateDbContext();
        Assert.Equal(versions, await after.CommitmentVersions.CountAsync());
    }

    [Fact]
    public async Task Draft_OnAPlanInImplementation_IsRefused()
    {
        var executive = await app.RepresentativeAsync("SFP");

        var (_, page, _) = await GetAsync(executive.Client, "/es/plans/99/tables/new");

        Assert.Contains("El plan no está en co-creación.", Text(page.QuerySelector("[role=alert]")), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[data-enhance], form input[name='Input.ThemeEs']"));
    }

    private static async Task<string> DraftAsync(Representative representative)
    {
        var (_, _, tablePath) = await PostFormWithLocationAsync(representative.Client, "/es/plans/100/tables/new", "open-table", ("Input.ThemeEs", "Transparencia presupuestaria"));
        var (_, _, versions) = await PostFormWithLocationAsync(representative.Client, tablePath + "/draft", "draft", Draft($"Presupuesto abierto {Guid.NewGuid():N}"));
        return versions.Split('/')[3];
    }

    private async Task<string> HashAsync(string code, int version)
    {
        await using var db = app.CreateDbContext();
        return await db.CommitmentVersions.Where(v => v.CommitmentCode == code && v.Number == version).Select(v => v.Hash).SingleAsync();
    }

    private async Task AssertStateAsync(string code, string state, int? agreedVersion, string? endDate = null)
    {
        using var response = await app.CreateClient().GetAsync(new Uri($"/api/v1/commitments/{code}", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(state, json.RootElement.GetProperty("state").GetString());
        Assert.Equal(agreedVersion, json.RootElement.GetProperty("agreedVersion").ValueKind == JsonValueKind.Null ? null : json.RootElement.GetProperty("agreedVersion").GetInt32());
        if (endDate is not null) Assert.Equal(endDate, json.RootElement.GetProperty("endDate").GetString());
    }
}

public sealed class AgreementFlowTestsOnSqlite(SqliteApp app) : AgreementFlowTests(app), IClassFixture<SqliteApp>;

public sealed class AgreementFlowTestsOnPostgres(PostgresApp app) : AgreementFlowTests(app), IClassFixture<PostgresApp>;
