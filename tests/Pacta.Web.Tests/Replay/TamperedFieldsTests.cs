using Pacta.Core.Verification.Replay;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Replay;

/// <summary>
/// Public fields edited in the database without an event, one after another: after each edit the comparison
/// names every edited entity and field so far, and nothing else. Breaks its database, so it has its own.
/// </summary>
public abstract class TamperedFieldsTests(PactaApp app)
{
    [Fact]
    public async Task FieldsEditedWithoutAnEvent_AreEachNamedWithEntityFieldAndEntry()
    {
        var expected = new List<string>();

        await PortalReplay.TamperAsync(app, """UPDATE "Commitments" SET "Title_Es" = 'Título cambiado' WHERE "Code" = 'DEMO02'""");
        expected.Add("commitment/DEMO02 title.es");
        var differences = await AssertNamedAsync(expected);
        var title = Assert.Single(differences, d => d.Subject == "commitment/DEMO02");
        Assert.Equal("\"Título cambiado\"", title.Portal);
        Assert.StartsWith("\"", title.Record, StringComparison.Ordinal);
        Assert.NotEqual(title.Portal, title.Record);
        Assert.Equal(await PortalReplay.LatestEntryAsync(app, "commitment/DEMO02"), title.Index);
        Assert.Equal($"commitment/DEMO02: title.es: the record says {title.Record} (entry {title.Index}), the portal shows \"Título cambiado\"", title.ToString());

        await PortalReplay.TamperAsync(app, """UPDATE "Milestones" SET "EndDate" = '2031-01' WHERE "CommitmentCode" = 'DEMO01' AND "Number" = 2""");
        expected.Add("commitment/DEMO01 milestones[1].endDate");
        differences = await AssertNamedAsync(expected);
        var endDate = Assert.Single(differences, d => d.Field == "milestones[1].endDate");
        Assert.Equal(("\"2026-06-30\"", "\"2031-01\""), (endDate.Record, endDate.Portal));
        // docs/record.md quotes this one.
        Assert.Equal("commitment/DEMO01: milestones[1].endDate: the record says \"2026-06-30\" (entry 41), the portal shows \"2031-01\"", endDate.ToString());

        await PortalReplay.TamperAsync(app, """UPDATE "Organizations" SET "Name_En" = 'Another agency' WHERE "ShortName" = 'AGE'""");
        expected.Add("organization/AGE name.en");
        await AssertNamedAsync(expected);

        await PortalReplay.TamperAsync(app, """UPDATE "Parties" SET "DecisionRule" = 'Majority' WHERE "Key" = 'civil-society'""");
        expected.Add("party/civil-society decisionRule");
        differences = await AssertNamedAsync(expected);
        var rule = Assert.Single(differences, d => d.Subject == "party/civil-society");
        Assert.Equal(("\"unanimity\"", "\"majority\""), (rule.Record, rule.Portal));
        Assert.Equal(await PortalReplay.LatestEntryAsync(app, "party/civil-society"), rule.Index);

        await PortalReplay.TamperAsync(app, """UPDATE "ActionPlans" SET "IrmTransformative" = 99 WHERE "Number" = 4""");
        expected.Add("plan/4 irm.transformative");
        await AssertNamedAsync(expected);

        await PortalReplay.TamperAsync(app,
            """UPDATE "ParticipationChanges" SET "Source" = 'another statement' WHERE "PartyKey" = 'civil-society' AND "Date" = '2017-05' AND "Status" = 'Withdrawn'""");
        expected.Add("participation/civil-society/2017-05/withdrawn source");
        await AssertNamedAsync(expected);

        await PortalReplay.TamperAsync(app, """UPDATE "Forums" SET "Name_Es" = 'Otro foro'""");
        expected.Add("forum name.es");
        await AssertNamedAsync(expected);

        // The order of a plan's commitments is their position: swapping two is a change to both.
        await PortalReplay.TamperAsync(app,
            """UPDATE "Commitments" SET "Position" = CASE "Code" WHEN 'DEMO01' THEN 1 ELSE 0 END WHERE "Code" IN ('DEMO01', 'DEMO02')""", rows: 2);
        expected.AddRange(["commitment/DEMO01 position", "commitment/DEMO02 position"]);
        differences = await AssertNamedAsync(expected);
        var moved = Assert.Single(differences, d => d.Subject == "commitment/DEMO01" && d.Field == "position");
        Assert.Equal(("0, so #1 in /api/v1/plans/99", "#2 in /api/v1/plans/99"), (moved.Record, moved.Portal));

        // A supporting institution removed: the commitment's event holds the whole list.
        await PortalReplay.TamperAsync(app,
            """DELETE FROM "SupportingInstitutions" WHERE "CommitmentCode" = 'DEMO01' AND "Position" = 1""");
        expected.Add("commitment/DEMO01 supportingInstitutions");
        differences = await AssertNamedAsync(expected);
        var supporting = Assert.Single(differences, d => d.Field == "supportingInstitutions");
        Assert.Equal(("2 items", "1 item"), (supporting.Record, supporting.Portal));
    }

    private async Task<IReadOnlyList<Difference>> AssertNamedAsync(List<string> expected)
    {
        var differences = await PortalReplay.CompareAsync(app);
        Assert.Equal(expected.Order(StringComparer.Ordinal), PortalReplay.Lines(differences).Order(StringComparer.Ordinal));
        Assert.All(differences, d => Assert.NotNull(d.Index));
        return differences;
    }
}

public sealed class TamperedFieldsTestsOnSqlite(SqliteApp app) : TamperedFieldsTests(app), IClassFixture<SqliteApp>;

public sealed class TamperedFieldsTestsOnPostgres(PostgresApp app) : TamperedFieldsTests(app), IClassFixture<PostgresApp>;
