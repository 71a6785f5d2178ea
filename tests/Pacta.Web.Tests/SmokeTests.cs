using System.Net;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests;

public abstract class SmokeTests(PactaApp app)
{
    [Fact]
    public async Task Root_WithoutAcceptLanguage_RedirectsToSpanish()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/es/", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Home_InSpanish_ShowsTheSuspensionOf2022()
    {
        using var client = app.CreateClient();

        var html = await client.GetStringAsync("/es/");

        Assert.Contains("Comité Coordinador de la Alianza para el Gobierno Abierto en México", WebUtility.HtmlDecode(html));
        Assert.Contains("25 de octubre de 2022", WebUtility.HtmlDecode(html));
    }
}

public sealed class SmokeTestsOnSqlite(SqliteApp app) : SmokeTests(app), IClassFixture<SqliteApp>;

public sealed class SmokeTestsOnPostgres(PostgresApp app) : SmokeTests(app), IClassFixture<PostgresApp>;
