using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Sessions;

/// <summary>Idle (30 minutes) and absolute (12 hours) session limits, on a clock the test moves.</summary>
public abstract class SessionTimeoutTests(PactaApp app)
{
    private const string Page = "/es/account/sessions";

    [Fact]
    public async Task ASessionIdleForMoreThan30Minutes_IsSignedOut_AndItsRowDeleted()
    {
        var (clock, factory) = WithClock();
        await using var _ = factory;
        var member = await app.CreateMemberAsync("SFP");
        using var client = await SignInAsync(factory, member.Id);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client));

        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client));

        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(client));
        await using var db = app.CreateDbContext();
        Assert.False(await db.MemberSessions.AnyAsync(s => s.MemberId == member.Id));
    }

    [Fact]
    public async Task AnActiveSession_EndsAt12Hours_However_Active()
    {
        var (clock, factory) = WithClock();
        await using var _ = factory;
        var member = await app.CreateMemberAsync("SFP");
        using var client = await SignInAsync(factory, member.Id);
        var start = clock.GetUtcNow();

        var outAt = TimeSpan.Zero;
        while (clock.GetUtcNow() - start < TimeSpan.FromHours(13))
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            if (await StatusAsync(client) != HttpStatusCode.OK)
            {
                outAt = clock.GetUtcNow() - start;
                break;
            }
        }

        // 12 h is the last moment still in; the first request after it (every 20 minutes) finds the session gone.
        Assert.Equal(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(20), outAt);
    }

    [Fact]
    public async Task LastSeen_IsWrittenAtMostOnceAMinute()
    {
        var (clock, factory) = WithClock();
        await using var _ = factory;
        var member = await app.CreateMemberAsync("SFP");
        using var client = await SignInAsync(factory, member.Id);
        var start = clock.GetUtcNow();

        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client));
        Assert.Equal(start, await LastSeenAsync(member.Id));

        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client));
        Assert.Equal(start.AddSeconds(61), await LastSeenAsync(member.Id));

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client));
        Assert.Equal(start.AddSeconds(61), await LastSeenAsync(member.Id));
    }

    private (FakeTimeProvider Clock, WebApplicationFactory<Program> Factory) WithClock()
    {
        // Whole seconds: PostgreSQL keeps microseconds, and a time that round-trips exactly keeps the asserts exact.
        var now = DateTimeOffset.UtcNow;
        var clock = new FakeTimeProvider(new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero));
        var factory = app.WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        return (clock, factory);
    }

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> factory, Guid memberId)
    {
        var client = factory.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
        using var response = await client.PostAsync(new Uri(TestSignIn.PathPrefix + memberId, UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return client;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri(Page, UriKind.Relative));
        return response.StatusCode;
    }

    private async Task<DateTimeOffset> LastSeenAsync(Guid memberId)
    {
        await using var db = app.CreateDbContext();
        return (await db.MemberSessions.SingleAsync(s => s.MemberId == memberId)).LastSeenAt;
    }
}

public sealed class SessionTimeoutTestsOnSqlite(SqliteApp app) : SessionTimeoutTests(app), IClassFixture<SqliteApp>;

public sealed class SessionTimeoutTestsOnPostgres(PostgresApp app) : SessionTimeoutTests(app), IClassFixture<PostgresApp>;
