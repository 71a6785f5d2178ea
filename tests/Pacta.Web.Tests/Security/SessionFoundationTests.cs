using System.Net;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.People;
using Pacta.Web.Tests.Infrastructure;
using Xunit;

namespace Pacta.Web.Tests.Security;

/// <summary>The session cookie and its row: what every signed-in test relies on.</summary>
public abstract class SessionFoundationTests(PactaApp app)
{
    [Fact]
    public async Task SignIn_SetsASecureHttpOnlyStrictHostCookie_AndStoresASessionWithoutAnAddress()
    {
        var member = await app.CreateMemberAsync("SFP");
        var client = app.CreateHttpsClient();
        using var response = await client.PostAsync(new Uri("/test-only/sign-in/" + member.Id, UriKind.Relative), null);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-pacta=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase);

        await using var db = app.CreateDbContext();
        var session = await db.MemberSessions.SingleAsync(s => s.MemberId == member.Id);
        Assert.Equal("test", session.Method);
        var signIn = await db.SecurityEvents.SingleAsync(e => e.MemberId == member.Id && e.Kind == SecurityEventKinds.SignIn);
        Assert.Equal("executive", signIn.PartyKey);
    }

    [Fact]
    public async Task UnknownPath_IsNotFound_NotASignInRedirect()
    {
        using var client = app.CreateHttpsClient();
        using var response = await client.GetAsync(new Uri("/es/no-such-page", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Https_CarriesHstsOfAtLeastOneYear()
    {
        using var client = app.CreateHttpsClient();
        using var response = await client.GetAsync(new Uri("/es/", UriKind.Relative));
        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        var maxAge = int.Parse(hsts.Split(';')[0].Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(maxAge >= 31_536_000, hsts);
    }
}

public sealed class SessionFoundationTestsOnSqlite(SqliteApp app) : SessionFoundationTests(app), IClassFixture<SqliteApp>;

public sealed class SessionFoundationTestsOnPostgres(PostgresApp app) : SessionFoundationTests(app), IClassFixture<PostgresApp>;
