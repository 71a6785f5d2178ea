using System.Net;
using Pacta.Core.People;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.People;

/// <summary>The party's security log: its representatives read their party's lines, and no one else reads them.</summary>
public abstract class SecurityLogPageTests(PactaApp app)
{
    [Fact]
    public async Task Representative_SeesTheirPartysEventsOnly_NewestFirst()
    {
        var representative = await app.CreateNamedMemberAsync("INAI", representative: true);
        var marker = Guid.NewGuid().ToString("N");
        await using (var db = app.CreateDbContext())
        {
            var now = DateTimeOffset.UtcNow;
            db.SecurityEvents.AddRange(
                new SecurityEvent { At = now.AddSeconds(-2), Kind = SecurityEventKinds.InvitationIssued, MemberId = representative.Id, PartyKey = "guarantor", Detail = $"older {marker}" },
                new SecurityEvent { At = now.AddSeconds(-1), Kind = SecurityEventKinds.RoleChanged, MemberId = representative.Id, PartyKey = "guarantor", Detail = $"newer {marker}" },
                new SecurityEvent { At = now, Kind = SecurityEventKinds.SignIn, PartyKey = "executive", Detail = $"another party {marker}" });
            await db.SaveChangesAsync();
        }
        using var client = await app.SignInAsync(representative);

        var (status, page, _) = await PeopleTesting.GetAsync(client, "/en/parties/guarantor/security-log");

        Assert.Equal(HttpStatusCode.OK, status);
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(PeopleTesting.Text).ToList())
            .Where(cells => cells[3].Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.Equal([["Role changed", representative.DisplayName, $"newer {marker}"], ["Invitation issued", representative.DisplayName, $"older {marker}"]],
            rows.Select(cells => new[] { cells[1], cells[2], cells[3] }));
        Assert.DoesNotContain("another party", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainMember_AndOtherPartiesRepresentatives_AreForbidden()
    {
        using var member = await app.SignInAsync(await app.CreateMemberAsync("INAI"));
        using var other = await app.SignInAsync(await app.CreateMemberAsync("SFP", representative: true));

        Assert.Equal(HttpStatusCode.Forbidden, (await PeopleTesting.GetAsync(member, "/es/parties/guarantor/security-log")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PeopleTesting.GetAsync(other, "/es/parties/guarantor/security-log")).Status);
    }
}

public sealed class SecurityLogPageTestsOnSqlite(SqliteApp app) : SecurityLogPageTests(app), IClassFixture<SqliteApp>;

public sealed class SecurityLogPageTestsOnPostgres(PostgresApp app) : SecurityLogPageTests(app), IClassFixture<PostgresApp>;
