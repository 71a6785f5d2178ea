using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Security;

public abstract class HeadersTests(PactaApp app)
{
    [Theory]
    [InlineData("/es/")]
    [InlineData("/en/")]
    [InlineData("/es/commitments/NOPE0000")]
    [InlineData("/no-such-page")]
    [InlineData("/favicon.svg")]
    [InlineData("/openapi/v1.json")]
    public async Task AnyResponse_CarriesTheSecurityHeaders(string path)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Page_LoadsNothingFromAnotherHost()
    {
        using var client = app.CreateClient();

        var html = await client.GetStringAsync("/es/");

        // Every src and href is a path on Pacta itself (or a fragment): no CDN, font host or tracker.
        var references = System.Text.RegularExpressions.Regex.Matches(html, "(?:src|href)=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.True(r.StartsWith('/') && !r.StartsWith("//", StringComparison.Ordinal), $"{r} is not a path on Pacta"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=\"", html, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class HeadersTestsOnSqlite(SqliteApp app) : HeadersTests(app), IClassFixture<SqliteApp>;

public sealed class HeadersTestsOnPostgres(PostgresApp app) : HeadersTests(app), IClassFixture<PostgresApp>;
