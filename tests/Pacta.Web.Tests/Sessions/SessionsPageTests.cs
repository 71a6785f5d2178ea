using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Core.People;
using Pacta.Web.People;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Sessions;

/// <summary>The sessions page: a member sees their sessions, ends one or all of them, signs out.</summary>
public abstract class SessionsPageTests(PactaApp app)
{
    private const string Page = "/en/account/sessions";

    [Fact]
    public async Task Page_ListsTheMembersSessions_AndMarksThisBrowser()
    {
        var member = await app.CreateMemberAsync("SFP");
        using var first = await app.SignInAsync(member);
        using var second = await app.SignInAsync(member);

        var (response, document) = await AccountForms.GetAsync(second, Page);
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var rows = document.QuerySelectorAll("tbody tr");
        Assert.Equal(2, rows.Length);
        var marked = Assert.Single(rows, r => r.QuerySelector(".this-browser") is not null);
        Assert.Contains("this browser", AccountForms.Text(marked));
        Assert.All(rows, r => Assert.NotNull(r.QuerySelector("button[name='Revoke.SessionId']")));
    }

    [Fact]
    public async Task RevokingASession_SignsThatBrowserOut_AndLeavesThisOneSignedIn()
    {
        var member = await app.CreateMemberAsync("SFP");
        using var other = await app.SignInAsync(member);
        using var mine = await app.SignInAsync(member);
        var otherSession = await SessionOfAsync(other);

        using (var revoked = await AccountForms.SubmitAsync(mine, Page, "form:has(button[name='Revoke.SessionId'])", ("Revoke.SessionId", otherSession.ToString())))
        {
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
            Assert.Contains("The session was ended", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var afterwards = await other.GetAsync(new Uri(Page, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
            Assert.StartsWith("/en/account/sign-in?returnUrl=", afterwards.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        using (var stillIn = await mine.GetAsync(new Uri(Page, UriKind.Relative)))
            Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);

        await using var db = app.CreateDbContext();
        Assert.False(await db.MemberSessions.AnyAsync(s => s.Id == otherSession));
        Assert.True(await db.SecurityEvents.AnyAsync(e => e.MemberId == member.Id && e.Kind == SecurityEventKinds.SessionRevoked));
    }

    [Fact]
    public async Task AnotherMembersSession_CannotBeRevoked_AndIsReportedNotFound()
    {
        var victim = await app.CreateMemberAsync("INAI");
        var attacker = await app.CreateMemberAsync("SFP");
        using var victimClient = await app.SignInAsync(victim);
        using var attackerClient = await app.SignInAsync(attacker);
        var victimSession = await SessionOfAsync(victimClient);

        using (var response = await AccountForms.SubmitAsync(attackerClient, Page, "form:has(button[name='Revoke.SessionId'])", ("Revoke.SessionId", victimSession.ToString())))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("That session was not found among yours", body[body.IndexOf("<main", StringComparison.Ordinal)..], StringComparison.Ordinal);
        }

        using (var victimStill = await victimClient.GetAsync(new Uri(Page, UriKind.Relative)))
            Assert.Equal(HttpStatusCode.OK, victimStill.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.True(await db.MemberSessions.AnyAsync(s => s.Id == victimSession));
        Assert.False(await db.SecurityEvents.AnyAsync(e => e.MemberId == attacker.Id && e.Kind == SecurityEventKinds.SessionRevoked));
    }

    [Fact]
    public async Task SignOutEverywhere_EndsEverySessionOfTheMember_AndNoOneElses()
    {
        var member = await app.CreateMemberAsync("SFP");
        var bystander = await app.CreateMemberAsync("SFP");
        using var first = await app.SignInAsync(member);
        using var second = await app.SignInAsync(member);
        using var bystanderClient = await app.SignInAsync(bystander);

        using (var response = await AccountForms.SubmitAsync(second, Page, "form:has(input[name='Everywhere.Confirm'])"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-pacta=;", StringComparison.Ordinal));
        }

        foreach (var client in new[] { first, second })
        {
            using var afterwards = await client.GetAsync(new Uri(Page, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        }
        using (var bystanderStill = await bystanderClient.GetAsync(new Uri(Page, UriKind.Relative)))
            Assert.Equal(HttpStatusCode.OK, bystanderStill.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False(await db.MemberSessions.AnyAsync(s => s.MemberId == member.Id));
    }

    [Fact]
    public async Task SignOut_DeletesThisSession_ClearsTheCookie_AndIsLogged()
    {
        var member = await app.CreateMemberAsync("SFP");
        using var other = await app.SignInAsync(member);
        using var client = await app.SignInAsync(member);
        var session = await SessionOfAsync(client);

        using (var response = await AccountForms.SubmitAsync(client, Page, "form[action='/account/sign-out']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/en/", response.Headers.Location!.OriginalString);
            Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-pacta=;", StringComparison.Ordinal));
        }
        using (var afterwards = await client.GetAsync(new Uri(Page, UriKind.Relative)))
            Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        using (var otherStill = await other.GetAsync(new Uri(Page, UriKind.Relative)))
            Assert.Equal(HttpStatusCode.OK, otherStill.StatusCode);

        await using var db = app.CreateDbContext();
        Assert.False(await db.MemberSessions.AnyAsync(s => s.Id == session));
        Assert.True(await db.SecurityEvents.AnyAsync(e => e.MemberId == member.Id && e.Kind == SecurityEventKinds.SignOut));
    }

    [Fact]
    public async Task SignOut_WithoutAnAntiforgeryToken_IsRefused_AndTheSessionStays()
    {
        var member = await app.CreateMemberAsync("SFP");
        using var client = await app.SignInAsync(member);
        var session = await SessionOfAsync(client);

        using var response = await AccountForms.PostAsync(client, "/account/sign-out", [new("language", "en")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("did not come from Pacta", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.True(await db.MemberSessions.AnyAsync(s => s.Id == session));
    }

    [Theory]
    [InlineData("/es/account/sessions")]
    [InlineData("/en/account/inbox")]
    [InlineData("/es/account/data")]
    public async Task AnonymousReader_IsSentToSignIn_InThePagesLanguage_ReturningThere(string path)
    {
        using var client = app.CreateHttpsClient();
        using var response = await client.GetAsync(new Uri(path + "?x=1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/{path[1..3]}/account/sign-in?returnUrl={Uri.EscapeDataString(path + "?x=1")}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AMemberWhomAPolicyRefuses_SeesALocalizedForbiddenPage_WithStatus403()
    {
        // A page whose policy this member fails: here the sessions page, with its policy made to refuse everyone.
        await using var refusing = app.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.Configure<AuthorizationOptions>(o => o.AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser().RequireAssertion(_ => false)))));
        var member = await app.CreateMemberAsync("SFP");
        using var client = refusing.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
        using (var signIn = await client.PostAsync(new Uri("/test-only/sign-in/" + member.Id, UriKind.Relative), null))
            Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);

        var (es, esDocument) = await AccountForms.GetAsync(client, "/es/account/sessions");
        var (en, enDocument) = await AccountForms.GetAsync(client, "/en/account/sessions");
        using (es)
        using (en)
        {
            Assert.Equal(HttpStatusCode.Forbidden, es.StatusCode);
            Assert.Equal("Sin acceso a esta página", AccountForms.Text(esDocument.QuerySelector("h1")));
            Assert.Equal(HttpStatusCode.Forbidden, en.StatusCode);
            Assert.Equal("You do not have access to this page", AccountForms.Text(enDocument.QuerySelector("h1")));
        }
    }

    private static async Task<Guid> SessionOfAsync(HttpClient client)
    {
        var (response, document) = await AccountForms.GetAsync(client, Page);
        response.Dispose();
        var row = document.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector(".this-browser") is not null);
        return Guid.Parse(row.GetAttribute("data-session")!);
    }
    [Fact]
    public async Task ChangingThePassword_EndsEveryOtherSession_AndKeepsThisOne()
    {
        var member = await app.CreateMemberAsync("SFP");
        using var elsewhere = await app.SignInAsync(member);
        using var here = await app.SignInAsync(member);

        using (var changed = await AccountForms.SubmitAsync(here, "/en/account/security", "form:has(input[name='Password.New'])",
            ("Password.New", "a long passphrase nobody else knows")))
            Assert.True((int)changed.StatusCode is 200 or 302, $"password change answered {(int)changed.StatusCode}");

        using (var other = await elsewhere.GetAsync(new Uri(Page, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
            Assert.Contains("/en/account/sign-in", other.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        using (var same = await here.GetAsync(new Uri(Page, UriKind.Relative)))
            Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.MemberSessions.CountAsync(s => s.MemberId == member.Id));
    }
}

public sealed class SessionsPageTestsOnSqlite(SqliteApp app) : SessionsPageTests(app), IClassFixture<SqliteApp>;

public sealed class SessionsPageTestsOnPostgres(PostgresApp app) : SessionsPageTests(app), IClassFixture<PostgresApp>;
