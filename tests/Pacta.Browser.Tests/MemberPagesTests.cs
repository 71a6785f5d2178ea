using Microsoft.Extensions.DependencyInjection;
using Pacta.Browser.Tests.Infrastructure;
using Pacta.Core.Data;
using Pacta.Core.PrivateSpaces;

namespace Pacta.Browser.Tests;

/// <summary>
/// Every page a signed-in member or representative sees, in Spanish and English, in real Chromium: no axe violation,
/// nothing loaded from elsewhere, no script error, and a screenshot of each in the test output to look at.
/// </summary>
public abstract class MemberPagesTests(PasskeySite site)
{
    [Fact]
    public async Task EveryMemberPage_InBothLanguages_PassesAxe_AndLoadsNothingFromElsewhere()
    {
        var representative = await site.App.CreateMemberAsync("SFP", representative: true);
        var (thread, incident) = await MakeThreadAndIncidentAsync(representative.Id);

        await using var visit = await site.OpenAsync();
        await using (var signIn = await visit.Page.Context.APIRequest.PostAsync($"http://localhost:{site.App.Port}/test-only/sign-in/{representative.Id}"))
            Assert.Equal(204, signIn.Status);

        string[] pages =
        [
            "account", "account/security", "account/sessions", "account/inbox", "account/data",
            "parties/executive/people", "parties/executive/security-log", "parties/executive/space",
            $"parties/executive/space/threads/{thread}", "parties/executive/space/incidents/new",
            $"parties/executive/space/incidents/{incident}/publish", "incidents",
        ];
        foreach (var language in new[] { "es", "en" })
        {
            foreach (var path in pages)
            {
                await visit.GotoAsync($"/{language}/{path}");
                Assert.Equal($"/{language}/{path}", new Uri(visit.Page.Url).AbsolutePath);
                Assert.Equal(language, await visit.Page.GetAttributeAsync("html", "lang"));
                await Artifacts.ScreenshotAsync(visit.Page, $"{site.Name}-member-{language}-{path.Replace('/', '-')}");
                await Accessibility.AssertNoViolationsAsync(visit.Page);
            }
        }
        visit.AssertCleanVisit();
    }

    private async Task<(Guid Thread, Guid Incident)> MakeThreadAndIncidentAsync(Guid memberId)
    {
        await using var scope = site.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PactaDbContext>();
        var now = DateTimeOffset.UtcNow;
        var sealer = await new OpenPartySpace(db, scope.ServiceProvider.GetRequiredService<IPartyKeyProtector>()).ExecuteAsync("executive", now);
        var thread = await new StartThread(db).ExecuteAsync(sealer, memberId, "Minuta de la mesa de trabajo", "**Acuerdos**: revisar el borrador el *lunes*.\n\n- punto uno\n- punto dos", now);
        var incident = await new ReportIncident(db).ExecuteAsync(sealer, memberId, IncidentCategory.Surveillance, DateOnly.FromDateTime(now.UtcDateTime), "Seguimiento", "Un vehículo siguió a una integrante después de la sesión.", now);
        return (thread, incident);
    }
}

public sealed class MemberPagesTestsOnSqlite(SqlitePasskeySite site) : MemberPagesTests(site), IClassFixture<SqlitePasskeySite>;

public sealed class MemberPagesTestsOnPostgres(PostgresPasskeySite site) : MemberPagesTests(site), IClassFixture<PostgresPasskeySite>;
