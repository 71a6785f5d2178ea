using System.Net;
using System.Text;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Security;

/// <summary>Cross-site posts and oversized forms are refused in one known place, with a message, before any page reads them.</summary>
public abstract class RequestGuardTests(PactaApp app)
{
    [Theory]
    [InlineData("Origin", "https://attacker.example")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task Post_FromAnotherSite_Is403WithAMessage(string header, string value)
    {
        using var client = app.CreateHttpsClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/es/", UriKind.Relative)) { Content = new FormUrlEncodedContent([KeyValuePair.Create("a", "b")]) };
        request.Headers.Add(header, value);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("otro sitio", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_FromThisSite_IsNotRefusedAsCrossSite()
    {
        using var client = app.CreateHttpsClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/en/", UriKind.Relative)) { Content = new FormUrlEncodedContent([KeyValuePair.Create("a", "b")]) };
        request.Headers.Add("Origin", "https://localhost");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var response = await client.SendAsync(request);

        Assert.DoesNotContain("another site", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_FieldOverTheLimit_Is413WithAMessage_NotA500()
    {
        using var client = app.CreateHttpsClient();
        var body = "field=" + new string('a', 70 * 1024);
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");

        using var response = await client.PostAsync(new Uri("/en/", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("too large", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class RequestGuardTestsOnSqlite(SqliteApp app) : RequestGuardTests(app), IClassFixture<SqliteApp>;

public sealed class RequestGuardTestsOnPostgres(PostgresApp app) : RequestGuardTests(app), IClassFixture<PostgresApp>;

/// <summary>What typed text may hold (<see cref="Pacta.Web.Security.PlainTextAttribute"/>); no database involved.</summary>
public sealed class PlainTextTests
{
    [Theory]
    [InlineData("plain", null)]
    [InlineData("línea\ncon acento y emoji 🙂", null)]
    [InlineData("a\u0000b", "control character U+0000")]
    [InlineData("a\u001Bb", "control character U+001B")]
    [InlineData("a\uFFFDb", "invalid UTF-8")]
    public void PlainText_RefusesWhatIsNotText(string text, string? problem) =>
        Assert.Equal(problem, Pacta.Web.Security.PlainTextAttribute.Problem(text, multiline: true));

    [Fact]
    public void PlainText_RefusesAnUnpairedSurrogate() =>
        // Built here, not in InlineData: the test runner's serialization would replace the lone surrogate.
        Assert.Equal("unpaired surrogate", Pacta.Web.Security.PlainTextAttribute.Problem("a" + (char)0xD800 + "b", multiline: false));

    [Fact]
    public void PlainText_SingleLine_RefusesALineBreak() =>
        Assert.Equal("control character U+000A", Pacta.Web.Security.PlainTextAttribute.Problem("a\nb", multiline: false));
}

