using System.Net;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Api;

/// <summary>Every error under /api is an RFC 9457 problem that says what was wrong.</summary>
public abstract class ApiErrorTests(PactaApp app)
{
    [Theory]
    [InlineData("/api/v1/plans/abc", "number", "abc")]
    [InlineData("/api/v1/plans/-1", "number", "-1")]
    [InlineData("/api/v1/plans/0", "number", "0")]
    [InlineData("/api/v1/plans/abc/commitments.csv", "number", "abc")]
    [InlineData("/api/v1/commitments?plan=x", "plan", "x")]
    [InlineData("/api/v1/commitments?plan=-1", "plan", "-1")]
    [InlineData("/api/v1/commitments?plan=", "plan", "''")]
    [InlineData("/api/v1/commitments?plan=99999999999", "plan", "99999999999")]
    [InlineData("/api/v1/commitments/mx0081", "code", "mx0081")]
    [InlineData("/api/v1/commitments/MX%200081", "code", "MX 0081")]
    [InlineData("/api/v1/parties/Civil_Society", "key", "Civil_Society")]
    public async Task Get_MalformedValue_Is400ProblemNamingTheParameter(string url, string parameter, string echoed)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(url);

        var problem = await ApiHttp.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains($"The {parameter} ", detail, StringComparison.Ordinal);
        Assert.Contains(echoed, detail, StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"errors does not name {parameter}: {problem}");
    }

    [Theory]
    [InlineData("/api/v1/plans/7", "action plan number 7")]
    [InlineData("/api/v1/plans/7/commitments.csv", "action plan number 7")]
    [InlineData("/api/v1/commitments?plan=7", "action plan number 7")]
    [InlineData("/api/v1/commitments/MX9999", "commitment with code 'MX9999'")]
    [InlineData("/api/v1/parties/nobody", "party with key 'nobody'")]
    [InlineData("/api/v1/nothing-here", "/api/v1/nothing-here")]
    [InlineData("/api/v1/commitments/MX0081/extra", "/api/v1/commitments/MX0081/extra")]
    [InlineData("/api/v2/commitments", "/api/v2/commitments")]
    public async Task Get_UnknownThing_Is404ProblemNamingIt(string url, string named)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(url);

        var problem = await ApiHttp.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains(named, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/api/v1/commitments")]
    [InlineData("PUT", "/api/v1/commitments/MX0081")]
    [InlineData("DELETE", "/api/v1/plans/4")]
    [InlineData("PATCH", "/api/v1/parties/civil-society")]
    public async Task Request_WrongMethod_Is405ProblemSayingWhatIsAllowed(string method, string url)
    {
        using var client = app.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("{}") });

        var problem = await ApiHttp.AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Contains("GET", response.Content.Headers.Allow);
        Assert.Contains($"{method} is not allowed on {url}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_OverlongValue_IsEchoedShortened()
    {
        using var client = app.CreateClient();
        var value = new string('A', 500);

        using var response = await client.GetAsync($"/api/v1/commitments?plan={value}");

        var problem = await ApiHttp.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.DoesNotContain(value, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}

public sealed class ApiErrorTestsOnSqlite(SqliteApp app) : ApiErrorTests(app), IClassFixture<SqliteApp>;

public sealed class ApiErrorTestsOnPostgres(PostgresApp app) : ApiErrorTests(app), IClassFixture<PostgresApp>;
