using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pacta.Browser.Tests.Infrastructure;
using Pacta.Core;
using Pacta.Core.Agreements;
using Pacta.Core.Commitments;
using Pacta.Core.People;
using Pacta.Core.Plans;
using Pacta.Core.RecordStore;
using Pacta.Testing;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Browser.Tests;

/// <summary>
/// Three people, one of each party, co-create a commitment in real Chromium, approve it with their passkeys through
/// Chromium's virtual authenticator (the challenge is the hash of what they approve), amend it, report progress with a
/// file and dispute the report; every page they see
/// is screenshotted (artifacts/screenshots/{provider}-agreement-*.png) and passes axe. Civil society decides by
/// unanimity of its organisations: its other organisations approve through the vote operation with keys in software.
/// </summary>
public abstract class AgreementTests(PasskeySite site)
{
    private sealed record Person(Member Member, TestAuthenticator Key, string Party, string? Organization);

    [Fact]
    public async Task ThreePeople_CoCreateApproveWithPasskeysAndAmend()
    {
        var executive = await PersonAsync("SFP", ofOrganization: false);
        var guarantor = await PersonAsync("INAI", ofOrganization: false);
        var fundar = await PersonAsync("Fundar", ofOrganization: true);
        List<Person> others = [];
        await using (var db = site.App.CreateDbContext())
            foreach (var organization in await db.Organizations.Where(o => o.PartyKey == "civil-society" && o.ShortName != "Fundar").Select(o => o.ShortName).ToListAsync())
                others.Add(await PersonAsync(organization, ofOrganization: true));

        // The executive's representative opens a table and drafts the commitment.
        string code;
        string tablePath;
        await using (var visit = await SignedInAsync(executive))
        {
            await SeeAsync(visit, "/es/plans/100", "plan");
            await visit.GotoAsync("/es/plans/100/tables/new");
            await SeeAsync(visit, null, "open-table");
            await visit.Page.FillAsync("#table-theme-es", "Controles democráticos de la vigilancia");
            await visit.Page.ClickAsync("form.space-form button[type=submit]");
            await visit.Page.WaitForURLAsync("**/es/tables/*");
            tablePath = new Uri(visit.Page.Url).AbsolutePath;
            await SeeAsync(visit, null, "table");
            await visit.Page.ClickAsync("a.button");
            await visit.Page.WaitForURLAsync("**/draft");
            await SeeAsync(visit, null, "draft");
            await visit.Page.FillAsync("#draft-title-es", "Controles a la intervención de comunicaciones");
            await visit.Page.FillAsync("#draft-objective-es", "Que toda intervención de comunicaciones privadas tenga control judicial y se publique.");
            await visit.Page.SelectOptionAsync("#draft-lead", "SFP");
            await visit.Page.FillAsync("#draft-start", "2027-07-01");
            await visit.Page.FillAsync("#draft-end", "2029-06-30");
            await visit.Page.FillAsync("#draft-m0-title-es", "Diagnóstico de las intervenciones autorizadas");
            await visit.Page.SelectOptionAsync("#draft-m0-responsible", "SFP");
            await visit.Page.FillAsync("#draft-m0-weight", "40");
            await visit.Page.ClickAsync("form.draft-form button[type=submit]");
            await visit.Page.WaitForURLAsync("**/versions*");
            code = new Uri(visit.Page.Url).AbsolutePath.Split('/')[3];
            await SeeAsync(visit, null, "versions-1");
            visit.AssertCleanVisit();
        }

        // Civil society's person takes a seat and changes the draft: version 2, compared word by word.
        await using (var visit = await SignedInAsync(fundar))
        {
            await visit.GotoAsync(tablePath);
            await visit.Page.SelectOptionAsync("#seat-member", fundar.Member.Id.ToString());
            await visit.Page.ClickAsync("form.space-form button[type=submit]");
            await visit.Page.Locator("[role=status]").WaitForAsync();
            await visit.GotoAsync($"/es/commitments/{code}/draft");
            await visit.Page.FillAsync("#draft-title-es", "Controles democráticos a la intervención de comunicaciones privadas");
            await visit.Page.ClickAsync("form.draft-form button[type=submit]");
            await visit.Page.WaitForURLAsync("**/versions*");
            await visit.GotoAsync($"/es/commitments/{code}/versions?from=1&to=2");
            Assert.Equal("democráticos", (await visit.Page.Locator(".diff ins").First.InnerTextAsync()).Trim());
            await SeeAsync(visit, null, "versions-compare");
            visit.AssertCleanVisit();
        }

        // Each of the three approves version 2 with their passkey.
        foreach (var (person, name) in new[] { (executive, "executive"), (guarantor, "guarantor"), (fundar, "civil-society") })
            await ApproveInTheBrowserAsync(person, code, 2, name);
        await ApproveInSoftwareAsync(others, code, 2);
        await using (var visit = await site.OpenAsync())
        {
            await visit.GotoAsync($"/es/commitments/{code}");
            Assert.Contains("Acordado por todas las partes", await visit.Page.Locator(".agreement-state").InnerTextAsync(), StringComparison.Ordinal);
            await SeeAsync(visit, null, "agreed");
        }

        // The guarantor proposes an amendment; the public page shows it beside the agreed text until all approve.
        await using (var visit = await SignedInAsync(guarantor))
        {
            await visit.GotoAsync($"/es/commitments/{code}/amend");
            await SeeAsync(visit, null, "amend");
            await visit.Page.FillAsync("#draft-reason-es", "La reforma legal se aprobará hasta 2029.");
            await visit.Page.FillAsync("#draft-effect-es", "El plazo final pasa de junio a diciembre de 2029.");
            await visit.Page.FillAsync("#draft-end", "2029-12-31");
            await visit.Page.ClickAsync("form.draft-form button[type=submit]");
            await visit.Page.WaitForURLAsync("**/versions*");
            await visit.GotoAsync($"/es/commitments/{code}");
            Assert.Equal("Modificación pendiente (versión 3)", (await visit.Page.Locator("#pending-heading").InnerTextAsync()).Trim());
            await SeeAsync(visit, null, "pending-amendment");
            visit.AssertCleanVisit();
        }
        foreach (var (person, name) in new[] { (executive, "executive"), (guarantor, "guarantor"), (fundar, "civil-society") })
            await ApproveInTheBrowserAsync(person, code, 3, name);
        await ApproveInSoftwareAsync(others, code, 3);
        await using (var visit = await site.OpenAsync())
        {
            await visit.GotoAsync($"/en/commitments/{code}");
            Assert.Contains("2029", await visit.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await visit.Page.Locator("#pending-heading").CountAsync());
            await SeeAsync(visit, null, "amended-en");
        }

        // The executive reports progress on the first milestone (its institution is responsible), with a PDF; the
        // guarantor disputes it; both show on the commitment page.
        await using (var visit = await SignedInAsync(executive))
        {
            await visit.GotoAsync($"/es/commitments/{code}/milestones/1/report");
            await SeeAsync(visit, null, "report");
            await visit.Page.SelectOptionAsync("#report-completion", "limited");
            await visit.Page.FillAsync("#report-narrative-es", "Se levantó el diagnóstico de las intervenciones autorizadas en 2027.");
            await visit.Page.SetInputFilesAsync("#report-file-0", new FilePayload { Name = "diagnostico.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n%diagnóstico\n%%EOF\n"u8.ToArray() });
            await visit.Page.FillAsync("#report-links", "https://example.org/diagnostico");
            await visit.Page.ClickAsync("form.space-form button[type=submit]");
            await visit.Page.WaitForURLAsync($"**/es/commitments/{code}#milestone-1");
            Assert.Contains("diagnostico.pdf", await visit.Page.Locator("#milestone-1 + ul .evidence").InnerTextAsync(), StringComparison.Ordinal);
            await SeeAsync(visit, null, "reported");
            visit.AssertCleanVisit();
        }
        await using (var visit = await SignedInAsync(guarantor))
        {
            await visit.GotoAsync($"/es/commitments/{code}");
            await visit.Page.ClickAsync("#milestone-1 + ul a[href$='/dispute']");
            await SeeAsync(visit, null, "dispute");
            await visit.Page.FillAsync("#dispute-text", "El diagnóstico no incluye las intervenciones de 2026.");
            await visit.Page.ClickAsync("form.space-form button[type=submit]");
            await visit.Page.WaitForURLAsync($"**/es/commitments/{code}#milestone-1");
            Assert.Contains("El diagnóstico no incluye las intervenciones de 2026.", await visit.Page.Locator(".dispute").InnerTextAsync(), StringComparison.Ordinal);
            await SeeAsync(visit, null, "disputed");
            await visit.GotoAsync("/es/plans/100/dashboard");
            await SeeAsync(visit, null, "dashboard");
            visit.AssertCleanVisit();
        }

        // With a commitment agreed, the guarantor proposes moving plan 100 to implementation; every party approves,
        // the three people with their passkeys here (Fundar's has signed in the browser before: its counter is there),
        // civil society's other organisations in software.
        await using (var visit = await SignedInAsync(guarantor))
        {
            await visit.GotoAsync("/es/plans/100/stages/new");
            await SeeAsync(visit, null, "propose-stage");
            await visit.Page.FillAsync("#stage-reason-es", "El compromiso de la mesa está acordado por todas las partes.");
            await visit.Page.ClickAsync("form.space-form button[type=submit]");
            await visit.Page.WaitForURLAsync("**/es/plans/100/stages#proposal-1");
            await SeeAsync(visit, null, "stages-proposed");
            visit.AssertCleanVisit();
        }
        foreach (var (person, name) in (IEnumerable<(Person, string)>)[(guarantor, "guarantor"), (executive, "executive"), (fundar, "fundar")])
        {
            await using var visit = await SignedInAsync(person);
            await visit.GotoAsync("/es/plans/100/stages/1/vote");
            await SeeAsync(visit, null, $"stage-vote-{name}");
            await visit.Page.ClickAsync("[data-passkey-start]");
            var status = visit.Page.Locator("main [role=status]");
            await status.WaitForAsync();
            Assert.Contains("Voto registrado", await status.InnerTextAsync(), StringComparison.Ordinal);
            visit.AssertCleanVisit();
        }
        await using (var scope = site.App.Services.CreateAsyncScope())
        {
            var vote = new CastStageVote(scope.ServiceProvider.GetRequiredService<RecordWriter>(), TimeProvider.System, scope.ServiceProvider.GetRequiredService<RelyingParty>());
            foreach (var person in others)
            {
                var statement = new StageStatement(100, 1, PlanState.CoCreation, PlanState.Implementation, person.Party, person.Organization, VoteDecision.Approval);
                var assertion = person.Key.Assert(statement.Challenge(), origin: $"http://localhost:{site.App.Port}");
                var result = await vote.ExecuteAsync(new StageVoteInput(100, 1, person.Party, VoteDecision.Approval, null, person.Key.CredentialId, assertion), person.Member.Id);
                Assert.True(result.Succeeded, result.Error?.Message);
            }
        }
        await using (var visit = await site.OpenAsync())
        {
            await visit.GotoAsync("/es/plans/100/stages");
            Assert.Contains("acordada", await visit.Page.Locator("#proposal-1").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("Implementación", await visit.Page.Locator(".facts").InnerTextAsync(), StringComparison.Ordinal);
            await SeeAsync(visit, null, "stages-agreed");
            visit.AssertCleanVisit();
        }

        await using (var db = site.App.CreateDbContext())
        {
            var commitment = await db.Commitments.SingleAsync(c => c.Code == code);
            Assert.Equal((CommitmentState.Agreed, 3, "2029-12-31"), (commitment.State!.Value, commitment.AgreedVersion!.Value, commitment.EndDate!.Value.ToString()));
        }
    }

    /// <summary>A representative whose passkey (a key made here) is in the record and, in each browser they open, in Chromium's virtual authenticator.</summary>
    private async Task<Person> PersonAsync(string organization, bool ofOrganization)
    {
        var key = new TestAuthenticator();
        var member = await site.App.CreateMemberAsync(organization, AccountKind.Participant, representative: true, representsOrganization: ofOrganization);
        await site.App.StorePasskeyAsync(member, key.CredentialId, key.PublicKey);
        await using var scope = site.App.Services.CreateAsyncScope();
        await new PublishAppointment(scope.ServiceProvider.GetRequiredService<RecordWriter>(), TimeProvider.System).ExecuteAsync(member.Id);
        string party;
        await using (var db = site.App.CreateDbContext()) party = await db.Organizations.Where(o => o.ShortName == organization).Select(o => o.PartyKey).SingleAsync();
        return new Person(member, key, party, party == "civil-society" ? organization : null);
    }

    /// <summary>A browser holding the person's passkey, signed in with it on the sign-in page.</summary>
    private async Task<BrowserPage> SignedInAsync(Person person)
    {
        // Each browser gets the same key; its counter starts where the server's stored one is, as the one device would.
        uint counter;
        await using (var db = site.App.CreateDbContext())
            counter = (await db.UserPasskeys.AsNoTracking().SingleAsync(p => p.UserId == person.Member.Id)).Data.SignCount;
        var visit = await site.OpenAsync();
        var (cdp, authenticator) = await PasskeyTests.AddAuthenticatorAsync(visit.Page, PasskeyTests.Authenticator);
        await cdp.SendAsync("WebAuthn.addCredential", new Dictionary<string, object>
        {
            ["authenticatorId"] = authenticator,
            ["credential"] = new Dictionary<string, object>
            {
                ["credentialId"] = Convert.ToBase64String(person.Key.CredentialId),
                ["isResidentCredential"] = true,
                ["rpId"] = "localhost",
                ["privateKey"] = Convert.ToBase64String(person.Key.PrivateKeyPkcs8()),
                ["userHandle"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(person.Member.Id.ToString())),
                ["signCount"] = counter,
            },
        });
        await visit.GotoAsync("/es/account/sign-in");
        await visit.Page.ClickAsync("[data-passkey-start]");
        await visit.Page.WaitForURLAsync("**/es/account");
        return visit;
    }

    private async Task ApproveInTheBrowserAsync(Person person, string code, int version, string name)
    {
        await using var visit = await SignedInAsync(person);
        await visit.GotoAsync($"/es/commitments/{code}/versions/{version}/vote");
        await SeeAsync(visit, null, $"vote-{version}-{name}");
        await visit.Page.ClickAsync("[data-passkey-start]");
        var status = visit.Page.Locator("main [role=status]");
        await status.WaitForAsync();
        Assert.Contains("Voto registrado", await status.InnerTextAsync(), StringComparison.Ordinal);
        await SeeAsync(visit, null, $"voted-{version}-{name}");
        visit.AssertCleanVisit();
    }

    private async Task ApproveInSoftwareAsync(List<Person> people, string code, int version)
    {
        string hash;
        await using (var db = site.App.CreateDbContext()) hash = await db.CommitmentVersions.Where(v => v.CommitmentCode == code && v.Number == version).Select(v => v.Hash).SingleAsync();
        await using var scope = site.App.Services.CreateAsyncScope();
        var vote = new CastVote(scope.ServiceProvider.GetRequiredService<RecordWriter>(), TimeProvider.System, scope.ServiceProvider.GetRequiredService<RelyingParty>());
        foreach (var person in people)
        {
            var statement = new VoteStatement(code, version, hash, person.Party, person.Organization, VoteDecision.Approval);
            var assertion = person.Key.Assert(statement.Challenge(), origin: $"http://localhost:{site.App.Port}");
            var result = await vote.ExecuteAsync(new VoteInput(code, version, person.Party, VoteDecision.Approval, null, person.Key.CredentialId, assertion), person.Member.Id);
            Assert.True(result.Succeeded, result.Error?.Message);
        }
    }

    private async Task SeeAsync(BrowserPage visit, string? path, string name)
    {
        if (path is not null) await visit.GotoAsync(path);
        await Artifacts.ScreenshotAsync(visit.Page, $"{site.Name}-agreement-{name}");
        await Accessibility.AssertNoViolationsAsync(visit.Page);
    }
}

public sealed class AgreementTestsOnSqlite(SqlitePasskeySite site) : AgreementTests(site), IClassFixture<SqlitePasskeySite>;

public sealed class AgreementTestsOnPostgres(PostgresPasskeySite site) : AgreementTests(site), IClassFixture<PostgresPasskeySite>;
