using Microsoft.Playwright;
using Pacta.Browser.Tests.Infrastructure;

namespace Pacta.Browser.Tests;

/// <summary>
/// The public portal in a real Chromium: what a reader sees on every page in both languages, axe's
/// WCAG 2.1 AA rules, no request to anyone but Pacta, no console error, with and without JavaScript,
/// on a desktop and a phone. Screenshots go to artifacts/screenshots/{provider}-{lang}-{page}.png.
/// </summary>
public abstract class PortalTests(PactaSite site)
{
    private static readonly BrowserNewContextOptions Phone = new()
    {
        ViewportSize = new() { Width = 390, Height = 844 },
        IsMobile = true,
        HasTouch = true,
    };

    [Theory]
    [MemberData(nameof(PortalPages.EveryPageInBothLanguages), MemberType = typeof(PortalPages))]
    public async Task PublicPage_Opened_ShowsItsHeadingInItsLanguageAndPassesAxe(string name, string language)
    {
        var expected = PortalPages.Named(name);
        await using var visit = await site.OpenAsync();

        await visit.GotoAsync(expected.PathIn(language), expected.Status);
        await Artifacts.ScreenshotAsync(visit.Page, $"{site.Name}-{language}-{name}");

        await AssertReadsAsync(visit.Page, expected, language);
        await Accessibility.AssertNoViolationsAsync(visit.Page);
        visit.AssertCleanVisit(expected.Status == 200 ? null : expected.PathIn(language));
    }

    [Theory]
    [MemberData(nameof(PortalPages.MainPagesInBothLanguages), MemberType = typeof(PortalPages))]
    public async Task MainPage_WithoutJavaScript_ShowsTheSameContent(string name, string language)
    {
        var expected = PortalPages.Named(name);
        string withJavaScript;
        await using (var visit = await site.OpenAsync())
        {
            await visit.GotoAsync(expected.PathIn(language), expected.Status);
            withJavaScript = await visit.Page.Locator("body").InnerTextAsync();
        }

        await using var noScript = await site.OpenAsync(new() { JavaScriptEnabled = false });
        await noScript.GotoAsync(expected.PathIn(language), expected.Status);
        await Artifacts.ScreenshotAsync(noScript.Page, $"{site.Name}-{language}-{name}-nojs");

        await AssertReadsAsync(noScript.Page, expected, language);
        Assert.Equal(withJavaScript, await noScript.Page.Locator("body").InnerTextAsync());
        noScript.AssertCleanVisit();
    }

    [Theory]
    [MemberData(nameof(PortalPages.MainPagesInBothLanguages), MemberType = typeof(PortalPages))]
    public async Task MainPage_OnAPhone_FitsTheScreenAndPassesAxe(string name, string language)
    {
        var expected = PortalPages.Named(name);
        await using var visit = await site.OpenAsync(Phone);

        await visit.GotoAsync(expected.PathIn(language), expected.Status);
        await Artifacts.ScreenshotAsync(visit.Page, $"{site.Name}-{language}-{name}-mobile");

        await AssertReadsAsync(visit.Page, expected, language);
        // Reflow (WCAG 1.4.10): the page itself must not scroll sideways. A data table may scroll inside its
        // own focusable region (two-dimensional content is exempt), so elements in a scroll container don't count.
        Assert.True(await visit.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            "At 390 px the page scrolls sideways.");
        var overflow = await visit.Page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .filter(e => { for (let a = e.parentElement; a; a = a.parentElement) { if (['auto', 'scroll'].includes(getComputedStyle(a).overflowX)) return false; } return true; })
                .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ': ' + (e.textContent ?? '').trim().slice(0, 60))
            """);
        Assert.True(overflow.Length == 0, "At 390 px these elements stick out to the right (the page scrolls sideways):\n" + string.Join("\n", overflow));
        await Accessibility.AssertNoViolationsAsync(visit.Page);
        visit.AssertCleanVisit();
    }

    [Fact]
    public async Task Reader_FollowsLinksFromHomeToCommitmentAndSwitchesToEnglish_SeesTheEnglishTitle()
    {
        await using var visit = await site.OpenAsync();
        var page = visit.Page;
        await visit.GotoAsync("/es/");

        await FollowAsync(page, page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Planes de acción", Exact = true }), "plans", "es");
        await FollowAsync(page, page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Cuarto Plan de Acción Nacional" }).First, "plan-4", "es");
        await FollowAsync(page, page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Controles democráticos a las intervenciones" }).First, "commitment-MX0081", "es");
        await FollowAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }), "commitment-MX0081", "en");

        Assert.Contains("Technology Rights and Privacy", await page.Locator("h1").InnerTextAsync());
        visit.AssertCleanVisit();
    }

    [Theory]
    [InlineData("es-MX", "es")]
    [InlineData("en-GB", "en")]
    [InlineData("fr-FR", "es")]
    public async Task Root_InBrowserLanguage_RedirectsToThatLanguageOrSpanish(string locale, string language)
    {
        await using var visit = await site.OpenAsync(new() { Locale = locale });

        await visit.GotoAsync("/");

        Assert.Equal(new Uri(site.BaseAddress, $"/{language}/").ToString(), visit.Page.Url);
        await AssertReadsAsync(visit.Page, PortalPages.Named("home"), language);
        visit.AssertCleanVisit();
    }

    [Fact]
    public async Task SkipLink_FirstTab_IsVisibleAndMovesFocusToTheContent()
    {
        await using var visit = await site.OpenAsync();
        var page = visit.Page;
        await visit.GotoAsync("/es/");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Saltar al contenido" });
        Assert.True(await skip.EvaluateAsync<bool>("e => e === document.activeElement"), "The first Tab does not reach the skip link.");
        var box = await skip.BoundingBoxAsync();
        Assert.True(box is { X: >= 0, Y: >= 0 }, $"The focused skip link is off screen ({box?.X}, {box?.Y}).");
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement?.id"));
        visit.AssertCleanVisit();
    }

    /// <summary>Clicks a link and checks that it led to the page of the table a reader expects.</summary>
    private static async Task FollowAsync(IPage page, ILocator link, string name, string language)
    {
        var expected = PortalPages.Named(name);
        await link.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == expected.PathIn(language));
        await AssertReadsAsync(page, expected, language);
    }

    /// <summary>
    /// What a reader sees first: the page's language, one heading, a skip link that stays on the
    /// page, and a switch to the same page in the other language.
    /// </summary>
    private static async Task AssertReadsAsync(IPage page, PortalPage expected, string language)
    {
        var path = expected.PathIn(language);
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));

        var heading = Assert.Single(await page.Locator("h1").AllInnerTextsAsync());
        Assert.Contains(expected.Heading(language), string.Join(' ', heading.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

        var skip = page.GetByRole(AriaRole.Link, new() { Name = language == "en" ? "Skip to content" : "Saltar al contenido", Exact = true });
        Assert.Equal(path + "#main", await skip.GetAttributeAsync("href"));

        var other = language == "es" ? "en" : "es";
        var toOther = page.GetByRole(AriaRole.Link, new() { Name = other == "en" ? "English" : "Español", Exact = true });
        Assert.Equal(expected.PathIn(other), await toOther.GetAttributeAsync("href"));
    }
}

public sealed class PortalTestsOnSqlite(SqliteSite site) : PortalTests(site), IClassFixture<SqliteSite>;

public sealed class PortalTestsOnPostgres(PostgresSite site) : PortalTests(site), IClassFixture<PostgresSite>;
