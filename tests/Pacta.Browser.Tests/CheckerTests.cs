using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Pacta.Browser.Tests.Infrastructure;

namespace Pacta.Browser.Tests;

/// <summary>
/// The checks the portal tests rely on, tried on throwaway pages: a check that cannot fail proves
/// nothing. No Pacta needed, only Chromium.
/// </summary>
public sealed class CheckerTests(Chromium chromium) : IClassFixture<Chromium>
{
    private static readonly Uri Site = new("http://127.0.0.1:9/");

    private const string Broken =
        """
        <!DOCTYPE html><html lang="en"><head><title>Broken</title></head>
        <body><main><h1>Broken</h1><img id="chart" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input id="query" type="text">
        <p style="color: #aaa; background: #fff">Faint text</p></main></body></html>
        """;

    [Fact]
    public async Task Axe_OnPageWithUnlabelledImageAndField_ReportsBothWithSelectors()
    {
        await using var visit = await BrowserPage.OpenAsync(chromium.Browser, Site);
        await visit.Page.SetContentAsync(Broken);

        var violations = await Accessibility.ViolationsAsync(visit.Page);
        var message = Accessibility.Describe(visit.Page.Url, violations);

        Assert.Contains(violations, v => v.Id == "image-alt");
        Assert.Contains(violations, v => v.Id == "label");
        Assert.Contains("image-alt (critical)", message);
        Assert.Contains("#chart", message);
        Assert.Contains("#query", message);
    }

    [Fact]
    public async Task Axe_OnBrokenPage_FindsWhatDequesRunAxeFinds()
    {
        await using var visit = await BrowserPage.OpenAsync(chromium.Browser, Site);
        await visit.Page.SetContentAsync(Broken);

        var ours = await Accessibility.ViolationsAsync(visit.Page);
        var deques = (await visit.Page.RunAxe(new AxeRunOptions { RunOnly = RunOnlyOptions.Tags([.. Accessibility.Tags]) })).Violations;

        Assert.Equal(["color-contrast", "image-alt", "label"], ours.Select(v => v.Id).Order());
        Assert.Equal(deques.Select(v => $"{v.Id} {string.Join(",", v.Nodes.Select(n => n.Target))}").Order(), ours.Select(v => $"{v.Id} {string.Join(",", v.Nodes.Select(n => n.Target))}").Order());
    }

    [Fact]
    public async Task Axe_OnCorrectPage_ReportsNothing()
    {
        await using var visit = await BrowserPage.OpenAsync(chromium.Browser, Site);
        await visit.Page.SetContentAsync(
            """
            <!DOCTYPE html><html lang="en"><head><title>Fine</title></head>
            <body><main><h1>Fine</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="A dot">
            <label for="query">Search</label><input id="query" type="text"></main></body></html>
            """);

        await Accessibility.AssertNoViolationsAsync(visit.Page);
    }

    [Fact]
    public async Task CleanVisit_AfterRequestToAnotherHost_Fails()
    {
        await using var visit = await BrowserPage.OpenAsync(chromium.Browser, Site);
        // Answered here, so the test needs no network; the browser still made the request.
        await visit.Page.RouteAsync("http://tracker.example/**", route => route.FulfillAsync(new() { Status = 204 }));
        await visit.Page.SetContentAsync("""<html lang="en"><body><img alt="" src="http://tracker.example/pixel.gif"></body></html>""");

        var failure = Assert.ThrowsAny<Exception>(() => visit.AssertCleanVisit());

        Assert.Contains("http://tracker.example/pixel.gif", failure.Message);
    }

    [Fact]
    public async Task CleanVisit_AfterContentSecurityPolicyViolation_Fails()
    {
        await using var visit = await BrowserPage.OpenAsync(chromium.Browser, Site);
        await visit.Page.SetContentAsync(
            """
            <html lang="en"><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head>
            <body><img alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></body></html>
            """);

        var failure = Assert.ThrowsAny<Exception>(() => visit.AssertCleanVisit());

        Assert.Contains("Content Security Policy", failure.Message);
    }
}
