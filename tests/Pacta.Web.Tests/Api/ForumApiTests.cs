using System.Text.Json;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Api;

public abstract class ForumApiTests(PactaApp app)
{
    [Fact]
    public async Task Forum_Mexico_HasNamesMemberFactsAndParties()
    {
        using var client = app.CreateClient();

        var forum = await client.GetJsonAsync("/api/v1/forum");

        Assert.Equal("Comité Coordinador de la Alianza para el Gobierno Abierto en México", forum.GetProperty("name").GetProperty("es").GetString());
        Assert.Equal("Tripartite Technical Secretariat", forum.GetProperty("formerName").GetProperty("en").GetString());
        var member = forum.GetProperty("member");
        Assert.Equal("Mexico", member.GetProperty("name").GetProperty("en").GetString());
        Assert.Equal("national", member.GetProperty("kind").GetString());
        Assert.Equal(2011, member.GetProperty("ogpMemberSince").GetInt32());
        Assert.True(member.GetProperty("foundingMember").GetBoolean());
        var parties = forum.GetProperty("parties").EnumerateArray().ToList();
        Assert.Equal(["executive", "guarantor", "civil-society"], parties.Select(p => p.GetProperty("key").GetString()));
        Assert.Equal("suspended", parties[2].GetProperty("participationStatus").GetString());
    }

    [Fact]
    public async Task Parties_Mexico_HaveDecisionRulesInKebabCase()
    {
        using var client = app.CreateClient();

        var parties = (await client.GetJsonAsync("/api/v1/parties")).EnumerateArray().ToList();

        Assert.Equal(["single-representative", "single-representative", "unanimity"], parties.Select(p => p.GetProperty("decisionRule").GetString()));
        Assert.Equal("Núcleo de Organizaciones de la Sociedad Civil (NOSC)", parties[2].GetProperty("name").GetProperty("es").GetString());
        // No change is recorded for the executive: its status is unknown, not assumed active.
        Assert.Equal(JsonValueKind.Null, parties[0].GetProperty("participationStatus").ValueKind);
    }

    [Fact]
    public async Task Party_CivilSociety_HistoryHasThe2022SuspensionWithItsGrounds()
    {
        using var client = app.CreateClient();

        var party = await client.GetJsonAsync("/api/v1/parties/civil-society");

        Assert.Equal("suspended", party.GetProperty("participationStatus").GetString());
        var history = party.GetProperty("participationHistory").EnumerateArray().ToList();
        Assert.Equal(["2017-05", "2019-03-05", "2022-10-25"], history.Select(h => h.GetProperty("date").GetString()));
        Assert.Equal(["withdrawn", "active", "suspended"], history.Select(h => h.GetProperty("status").GetString()));
        var suspension = history[2];
        Assert.Equal(["surveillance-of-participants", "no-progress-on-commitment", "findings-dismissed"], suspension.GetProperty("grounds").Strings());
        Assert.Equal("000_a58cabb24931456d.txt", suspension.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Party_CivilSociety_ListsItsOrganisationsWithFictionalOnesMarked()
    {
        using var client = app.CreateClient();

        var party = await client.GetJsonAsync("/api/v1/parties/civil-society");

        var organizations = party.GetProperty("organizations").EnumerateArray().ToList();
        Assert.Equal("Article 19", organizations[0].GetProperty("shortName").GetString());
        var fundar = Assert.Single(organizations, o => o.GetProperty("shortName").GetString() == "Fundar");
        Assert.Equal("Fundar, Centro de Análisis e Investigación", fundar.GetProperty("name").GetProperty("es").GetString());
        Assert.False(fundar.GetProperty("fictional").GetBoolean());
        Assert.True(Assert.Single(organizations, o => o.GetProperty("shortName").GetString() == "Colectivo Ejemplo").GetProperty("fictional").GetBoolean());
        Assert.All(organizations, o => Assert.Equal("civil-society", o.GetProperty("party").GetString()));
    }

    [Fact]
    public async Task Organizations_All_AreListedByPartyWithTheirParty()
    {
        using var client = app.CreateClient();

        var organizations = (await client.GetJsonAsync("/api/v1/organizations")).EnumerateArray().ToList();

        Assert.Equal(18, organizations.Count);
        var sfp = organizations[0];
        Assert.Equal("SFP", sfp.GetProperty("shortName").GetString());
        Assert.Equal("executive", sfp.GetProperty("party").GetString());
        Assert.Equal("Secretaría de la Función Pública", sfp.GetProperty("name").GetProperty("es").GetString());
        Assert.Equal(5, organizations.Count(o => o.GetProperty("fictional").GetBoolean()));
        Assert.Equal("INAI", organizations.First(o => o.GetProperty("party").GetString() == "guarantor").GetProperty("shortName").GetString());
    }
}

public sealed class ForumApiTestsOnSqlite(SqliteApp app) : ForumApiTests(app), IClassFixture<SqliteApp>;

public sealed class ForumApiTestsOnPostgres(PostgresApp app) : ForumApiTests(app), IClassFixture<PostgresApp>;
