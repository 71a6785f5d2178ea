using Pacta.Browser.Tests.Infrastructure;

namespace Pacta.Browser.Tests;

/// <summary>
/// The fictional demo forum in a real Chromium: the pages where each state of co-creation, agreement and progress shows,
/// in both languages, each labelled fictional, axe-checked and screenshotted (artifacts/screenshots/{provider}-demo-*).
/// </summary>
public abstract class DemoTests(PactaSite site)
{
    public static readonly IReadOnlyList<PortalPage> Pages =
    [
        new("home", "/", "Foro multiactor de ejemplo (ficticio)", "Example multi-stakeholder forum (fictional)"),
        new("plan-1-dashboard", "/plans/1/dashboard", "Tablero de avance", "Progress dashboard"),
        new("plan-1-stages", "/plans/1/stages", "Etapas del plan 1", "Stages of plan 1"),
        new("pending-amendment", "/commitments/P1-07", "Indicadores abiertos de obra pública (ficticio)", "Open public works indicators (fictional)"),
        new("disputed", "/commitments/P1-05", "Auditoría social de programas de vivienda (ficticio)", "Social audit of housing programmes (fictional)"),
        new("amended-versions", "/commitments/P1-06/versions", "Versiones de P1-06", "Versions of P1-06"),
        new("plan-2", "/plans/2", "Segundo plan de acción de ejemplo (ficticio), en co-creación", "Second example action plan (fictional), in co-creation"),
        new("partly-approved-versions", "/commitments/P2-02/versions", "Versiones de P2-02", "Versions of P2-02"),
    ];

    public static TheoryData<string, string> PagesInBothLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in Pages)
            foreach (var language in PortalPages.Languages)
                data.Add(page.Name, language);
        return data;
    }

    [Theory]
    [MemberData(nameof(PagesInBothLanguages))]
    public async Task DemoPage_ShowsItsHeading_SaysFictional_AndPassesAxe(string name, string language)
    {
        var expected = Pages.Single(p => p.Name == name);
        await using var visit = await site.OpenAsync();

        await visit.GotoAsync(expected.PathIn(language));
        await Artifacts.ScreenshotAsync(visit.Page, $"{site.Name}-{language}-{name}");

        var heading = Assert.Single(await visit.Page.Locator("h1").AllInnerTextsAsync());
        Assert.Contains(expected.Heading(language), string.Join(' ', heading.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        var main = await visit.Page.Locator("main").InnerTextAsync();
        Assert.True(main.Contains(language == "en" ? "fictional" : "ficti", StringComparison.OrdinalIgnoreCase), $"{expected.PathIn(language)} does not say it is fictional");
        await Accessibility.AssertNoViolationsAsync(visit.Page);
        visit.AssertCleanVisit();
    }
}

public sealed class DemoTestsOnSqlite(DemoSqliteSite site) : DemoTests(site), IClassFixture<DemoSqliteSite>;

public sealed class DemoTestsOnPostgres(DemoPostgresSite site) : DemoTests(site), IClassFixture<DemoPostgresSite>;
