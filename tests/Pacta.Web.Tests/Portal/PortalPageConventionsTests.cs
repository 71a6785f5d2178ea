using System.Net;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Portal;

/// <summary>What holds on every portal page: language, one h1, the language switch, the CSP.</summary>
public abstract class PortalPageConventionsTests(PactaApp app)
{
    public static TheoryData<string> Pages => new()
    {
        "/es/parties/civil-society", "/en/parties/civil-society", "/es/parties/executive",
        "/es/organizations", "/en/organizations",
        "/es/plans", "/en/plans", "/es/plans/4", "/en/plans/99",
        "/es/commitments/MX0081", "/en/commitments/MX0081", "/es/commitments/DEMO01", "/en/commitments/MX0076",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_Any_IsInTheLanguageOfItsPathWithOneH1(string path)
    {
        var page = await PortalPage.GetAsync(app, path);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(path[1..3], page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Single(page.Document.QuerySelectorAll("h1"));
        Assert.NotNull(page.Document.QuerySelector("main#main"));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_LanguageSwitch_PointsToTheSamePathInTheOtherLanguage(string path)
    {
        var other = path.StartsWith("/es/", StringComparison.Ordinal) ? "en" : "es";

        var page = await PortalPage.GetAsync(app, path);

        var link = Assert.Single(page.Document.QuerySelectorAll(".language-switch a"));
        Assert.Equal($"/{other}{path[3..]}", link.GetAttribute("href"));
        Assert.Equal(other, link.GetAttribute("hreflang"));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    [InlineData("/es/commitments/NOPE")]
    public async Task Page_Any_HasTheContentSecurityPolicy(string path)
    {
        var page = await PortalPage.GetAsync(app, path);

        var policy = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("script, [style], style"));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_Any_LinksItsStylesheetFromTheRoot(string path)
    {
        var page = await PortalPage.GetAsync(app, path);

        // The CSP's base-uri 'none' makes browsers ignore <base>: a relative stylesheet would break on nested paths.
        Assert.Null(page.Document.QuerySelector("base"));
        var stylesheet = page.Document.QuerySelector("link[rel=stylesheet]")?.GetAttribute("href");
        Assert.StartsWith("/", stylesheet, StringComparison.Ordinal);
        using var client = app.CreateClient();
        using var response = await client.GetAsync(stylesheet);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/es/no-existe", "es", "Página no encontrada", "/en/no-existe")]
    [InlineData("/en/commitments/MX0000", "en", "Page not found", "/es/commitments/MX0000")]
    public async Task NotFound_AnyUnknownPath_Is404InItsLanguageWithASwitchToTheSamePath(string path, string language, string heading, string switchTo)
    {
        var page = await PortalPage.GetAsync(app, path);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal(language, page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, page.Heading);
        Assert.Equal(switchTo, page.Document.QuerySelector(".language-switch a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task NotFound_UnknownApiPath_StaysAProblemNotAPage()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/sources/000_a58cabb24931456d.txt")]
    [InlineData("/sources/002_055a2888e359a009.txt")]
    public async Task Source_Statement_IsServedAsUtf8Text(string path)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        // Both statements contain accented Spanish names, which a wrong charset would garble.
        Assert.Contains("é", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class PortalPageConventionsTestsOnSqlite(SqliteApp app) : PortalPageConventionsTests(app), IClassFixture<SqliteApp>;

public sealed class PortalPageConventionsTestsOnPostgres(PostgresApp app) : PortalPageConventionsTests(app), IClassFixture<PostgresApp>;
