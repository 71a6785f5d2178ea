using System.Net;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Api;

/// <summary>Any web page may read the open data, without credentials; the portal stays same-origin.</summary>
public abstract class OpenDataHeadersTests(PactaApp app)
{
    [Theory]
    [InlineData("/api/v1/commitments")]
    [InlineData("/api/v1/plans/4/commitments.csv")]
    [InlineData("/api/v1/commitments/MX9999")]
    public async Task Get_FromAnotherOrigin_IsReadableByAnyOriginWithoutCredentials(string url)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Origin", "https://journalist.example");

        using var response = await client.SendAsync(request);

        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.Equal("cross-origin", Assert.Single(response.Headers.GetValues("Cross-Origin-Resource-Policy")));
    }

    [Fact]
    public async Task Preflight_ForGet_IsAllowedForAnyOrigin()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/commitments/MX0081");
        request.Headers.Add("Origin", "https://journalist.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "if-none-match");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("GET", response.Headers.GetValues("Access-Control-Allow-Methods"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Preflight_ForDelete_IsNotAllowed()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/commitments/MX0081");
        request.Headers.Add("Origin", "https://journalist.example");
        request.Headers.Add("Access-Control-Request-Method", "DELETE");

        using var response = await client.SendAsync(request);

        Assert.False(response.Headers.TryGetValues("Access-Control-Allow-Methods", out var methods) && methods.Any(m => m.Contains("DELETE", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Portal_Page_KeepsSameOriginResourcePolicyAndNoCors()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/es/");
        request.Headers.Add("Origin", "https://journalist.example");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Cross-Origin-Resource-Policy")));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}

public sealed class OpenDataHeadersTestsOnSqlite(SqliteApp app) : OpenDataHeadersTests(app), IClassFixture<SqliteApp>;

public sealed class OpenDataHeadersTestsOnPostgres(PostgresApp app) : OpenDataHeadersTests(app), IClassFixture<PostgresApp>;
