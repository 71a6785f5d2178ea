using System.Net;
using System.Xml.Linq;
using Pacta.Web.Localization;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Localization;

public abstract class LanguageTests(PactaApp app)
{
    [Theory]
    [InlineData(null, "/es/")]
    [InlineData("en-GB,en;q=0.9", "/en/")]
    [InlineData("es-MX,es;q=0.9,en;q=0.8", "/es/")]
    [InlineData("fr-FR,fr;q=0.9,en;q=0.5", "/en/")]
    [InlineData("de-DE", "/es/")]
    [InlineData("en;q=0, es;q=0.1", "/es/")]
    public async Task Root_ByAcceptLanguage_RedirectsToTheBestLanguage(string? acceptLanguage, string expected)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        if (acceptLanguage is not null) request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.ToString());
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Theory]
    [InlineData("/es/", "es", "Partes del foro", "25 de octubre de 2022")]
    [InlineData("/en/", "en", "Parties of the forum", "25 October 2022")]
    public async Task Home_InEachLanguage_HasLangAttributeTextAndDates(string path, string lang, string heading, string date)
    {
        using var client = app.CreateClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(path));

        Assert.Contains($"<html lang=\"{lang}\">", html);
        Assert.Contains(heading, html);
        Assert.Contains(date, html);
    }

    [Fact]
    public async Task Home_InEnglish_FormatsNumbersAndPluralsInEnglish()
    {
        using var client = app.CreateClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/en/"));

        Assert.Contains("11 organizations", html);
        Assert.Contains("1 organization<", html);
        Assert.Contains("+1 fictional example<", html);
    }

    [Fact]
    public async Task UnknownLanguage_Path_IsNotFound()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/fr/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class LanguageTestsOnSqlite(SqliteApp app) : LanguageTests(app), IClassFixture<SqliteApp>;

public sealed class LanguageTestsOnPostgres(PostgresApp app) : LanguageTests(app), IClassFixture<PostgresApp>;

public sealed class CultureRoutingTests
{
    [Theory]
    [InlineData("/es/plans/4", "en", "/en/plans/4")]
    [InlineData("/en/commitments/MX0081", "es", "/es/commitments/MX0081")]
    [InlineData("/es/", "en", "/en/")]
    [InlineData("/es", "en", "/en/")]
    [InlineData("/not-found", "en", "/en/")]
    [InlineData("/es/plans?x=1", "en", "/en/plans?x=1")]
    public void SwitchLanguage_KeepsTheRestOfThePath(string path, string language, string expected) =>
        Assert.Equal(expected, CultureRouting.SwitchLanguage(path, language));

    [Theory]
    [InlineData("/es/plans", "es")]
    [InlineData("/en", "en")]
    [InlineData("/english/x", null)]
    [InlineData("/", null)]
    [InlineData("/api/v1/forum", null)]
    public void LanguageOf_FirstSegment_IsTheLanguageOrNull(string path, string? expected) =>
        Assert.Equal(expected, CultureRouting.LanguageOf(path));
}

public sealed class ResourceTests
{
    private static Dictionary<string, string> Load(string file)
    {
        var path = RepositoryFiles.Path("src", "Pacta.Web", "Localization", file);
        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
    }

    [Fact]
    public void Resources_SpanishAndEnglish_HaveTheSameKeys()
    {
        var spanish = Load("Text.resx");
        var english = Load("Text.en.resx");

        Assert.Empty(spanish.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(spanish.Keys));
    }

    [Fact]
    public void Resources_EveryValue_IsNotEmptyAndKeepsItsPlaceholders()
    {
        var spanish = Load("Text.resx");
        var english = Load("Text.en.resx");

        foreach (var (key, value) in spanish)
        {
            Assert.False(string.IsNullOrWhiteSpace(value), $"{key} is empty in Spanish");
            Assert.False(string.IsNullOrWhiteSpace(english[key]), $"{key} is empty in English");
            Assert.Equal(value.Contains("{0}", StringComparison.Ordinal), english[key].Contains("{0}", StringComparison.Ordinal));
        }
    }
}
