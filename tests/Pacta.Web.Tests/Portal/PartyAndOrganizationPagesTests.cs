using System.Net;
using Microsoft.EntityFrameworkCore;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Portal;

public abstract class PartyAndOrganizationPagesTests(PactaApp app)
{
    [Fact]
    public async Task Party_CivilSocietyInSpanish_ShowsThe2017WithdrawalWithGroundsAndSource()
    {
        var page = await PortalPage.GetAsync(app, "/es/parties/civil-society");

        var withdrawal = Assert.Single(page.Document.QuerySelectorAll(".timeline > li"), li => PortalPage.Text(li).Contains("mayo de 2017", StringComparison.Ordinal));
        Assert.Equal("Retirada", PortalPage.Text(withdrawal.QuerySelector(".status")));
        Assert.Equal(
            ["Espionaje a participantes", "Cambios unilaterales a compromisos acordados", "Sin respuesta por más de tres meses"],
            withdrawal.QuerySelectorAll("ul > li").Select(PortalPage.Text));
        Assert.Equal("/sources/002_055a2888e359a009.txt", withdrawal.QuerySelector(".source a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Party_CivilSocietyInSpanish_ShowsThe2022SuspensionWithGroundsAndSource()
    {
        var page = await PortalPage.GetAsync(app, "/es/parties/civil-society");

        var suspension = Assert.Single(page.Document.QuerySelectorAll(".timeline > li"), li => PortalPage.Text(li).Contains("25 de octubre de 2022", StringComparison.Ordinal));
        Assert.Equal("Suspendida", PortalPage.Text(suspension.QuerySelector(".status")));
        Assert.Equal(
            ["Espionaje a participantes", "Un compromiso sin avances significativos", "Hallazgos desestimados y víctimas deslegitimadas"],
            suspension.QuerySelectorAll("ul > li").Select(PortalPage.Text));
        Assert.Equal("/sources/000_a58cabb24931456d.txt", suspension.QuerySelector(".source a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Party_CivilSocietyInEnglish_ShowsRuleCurrentStatusAndOrganizations()
    {
        var page = await PortalPage.GetAsync(app, "/en/parties/civil-society");

        Assert.Equal("Civil Society Organizations Core Group", page.Heading);
        Assert.Equal("Its organizations decide unanimously", PortalPage.Text(page.Fact("Decision rule")));
        Assert.Equal("Suspended since 25 October 2022", PortalPage.Text(page.Fact("Current participation")));
        var organizations = page.Section("Organizations").QuerySelectorAll("li").Select(PortalPage.Text).ToList();
        Assert.Contains("Fundar, Center for Analysis and Research (Fundar)", organizations);
        Assert.Contains("Article 19 Office for Mexico and Central America (Article 19)", organizations);
    }

    [Fact]
    public async Task Party_HistoryNewestFirst_TopEntryIsTheCurrentStatus()
    {
        var page = await PortalPage.GetAsync(app, "/en/parties/civil-society");

        var statuses = page.Document.QuerySelectorAll(".timeline > li .status").Select(PortalPage.Text);
        Assert.Equal(["Suspended", "Active", "Withdrawn"], statuses);
    }

    [Fact]
    public async Task Party_WithoutParticipationChanges_SaysNoneAreRecorded()
    {
        var page = await PortalPage.GetAsync(app, "/es/parties/executive");

        Assert.Equal("Sin cambios registrados", PortalPage.Text(page.Fact("Participación actual")));
        Assert.Equal("No hay cambios de participación registrados.", PortalPage.Text(page.Section("Historial de participación").QuerySelector("p")));
    }

    [Fact]
    public async Task Organizations_InSpanish_TagsExactlyTheFictionalOnes()
    {
        await using var db = app.CreateDbContext();
        var fictional = await db.Organizations.Where(o => o.Fictional).Select(o => o.ShortName).ToListAsync();
        var real = await db.Organizations.CountAsync(o => !o.Fictional);

        var page = await PortalPage.GetAsync(app, "/es/organizations");

        var items = page.Document.QuerySelectorAll("main li").ToList();
        var tagged = items.Where(li => li.QuerySelector(".tag-fictional") is not null).ToList();
        Assert.Equal(fictional.Order(StringComparer.Ordinal), tagged.Select(li => PortalPage.Text(li.QuerySelector(".short-name")).Trim('(', ')')).Order(StringComparer.Ordinal));
        Assert.All(tagged, li => Assert.Equal("Ejemplo ficticio", PortalPage.Text(li.QuerySelector(".tag-fictional"))));
        Assert.Equal(real, items.Count - tagged.Count);
    }

    [Fact]
    public async Task Organizations_InEnglish_GroupsByPartyWithLinksToEachParty()
    {
        var page = await PortalPage.GetAsync(app, "/en/organizations");

        var partyLinks = page.Document.QuerySelectorAll("main h2 a").Select(a => (PortalPage.Text(a), a.GetAttribute("href")));
        Assert.Equal(
            [("Federal Executive", "/en/parties/executive"), ("Guarantor body", "/en/parties/guarantor"), ("Civil Society Organizations Core Group", "/en/parties/civil-society")],
            partyLinks);
        Assert.Equal(3, page.Document.QuerySelectorAll("main h3").Count(h => PortalPage.Text(h) == "Fictional institutions of the sample plan"));
    }

    [Fact]
    public async Task Party_UnknownKey_IsNotFoundInItsLanguage()
    {
        var page = await PortalPage.GetAsync(app, "/en/parties/nobody");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.Heading);
        Assert.Equal("en", page.Document.DocumentElement.GetAttribute("lang"));
    }
}

public sealed class PartyAndOrganizationPagesTestsOnSqlite(SqliteApp app) : PartyAndOrganizationPagesTests(app), IClassFixture<SqliteApp>;

public sealed class PartyAndOrganizationPagesTestsOnPostgres(PostgresApp app) : PartyAndOrganizationPagesTests(app), IClassFixture<PostgresApp>;
