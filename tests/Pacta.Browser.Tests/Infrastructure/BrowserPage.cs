using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Pacta.Browser.Tests.Infrastructure;

/// <summary>
/// One page in a fresh browser context, with a record of every request the browser made, every
/// response that failed, and every error in the console (where Chromium reports CSP violations).
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly Uri _site;
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<(string Url, int Status)> _failedResponses = new();
    private readonly ConcurrentQueue<(string Text, string Location)> _consoleErrors = new();

    private BrowserPage(IBrowserContext context, IPage page, Uri site)
    {
        _context = context;
        _site = site;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>What the page did, for a failure's message: the requests it made, the responses that failed, its console errors.</summary>
    public string Trace() =>
        $"requests: {string.Join(", ", _requests)}; failed: {string.Join(", ", _failedResponses.Select(f => $"{f.Status} {f.Url}"))}; console: {string.Join(" / ", _consoleErrors.Select(c => c.Text))}";

    public static async Task<BrowserPage> OpenAsync(IBrowser browser, Uri site, BrowserNewContextOptions? options = null)
    {
        // A copy: callers share option sets (a phone) between tests that run in parallel on two sites.
        options = options is null ? new() : new(options);
        options.BaseURL = site.ToString();
        options.Locale ??= "es-MX";
        var context = await browser.NewContextAsync(options);
        // Safety nets, not speed checks (speed is measured by bench/, never asserted in tests): two
        // sites, two Chromiums and PostgreSQL share two cores during a run, so a wait can take seconds.
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        var page = await context.NewPageAsync();
        var visit = new BrowserPage(context, page, site);
        context.Request += (_, request) => visit._requests.Enqueue(request.Url);
        context.Response += (_, response) =>
        {
            if (response.Status >= 400) visit._failedResponses.Enqueue((response.Url, response.Status));
        };
        context.RequestFailed += (_, request) => visit._failedResponses.Enqueue((request.Url, 0));
        page.Console += (_, message) =>
        {
            if (message.Type == "error") visit._consoleErrors.Enqueue((message.Text, message.Location));
        };
        page.PageError += (_, error) => visit._consoleErrors.Enqueue((error, page.Url));
        return visit;
    }

    /// <summary>Opens a path of the site and checks the status the reader's browser got.</summary>
    public async Task<IResponse> GotoAsync(string path, int expectedStatus = 200)
    {
        IResponse? response;
        try
        {
            response = await Page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
        }
        catch (PlaywrightException e) when (e.Message.Contains("ERR_HTTP_RESPONSE_CODE_FAILURE", StringComparison.Ordinal))
        {
            // Chromium shows its own error page, and Playwright throws, when an error status comes with no body.
            await using var answer = await _context.APIRequest.GetAsync(path);
            throw new Xunit.Sdk.XunitException(
                $"GET {path} answered {answer.Status} with an empty body, so the reader sees Chromium's error page instead of Pacta's " +
                $"(expected {expectedStatus}{(expectedStatus == 200 ? "; does the page exist on this branch yet?" : "")}).");
        }
        Assert.True(response is not null, $"No response for {path}.");
        Assert.True(response.Status == expectedStatus,
            $"GET {path} answered {response.Status}, expected {expectedStatus}" +
            (response.Status == 404 ? " (does the page exist on this branch yet?)" : "") + ".");
        return response;
    }

    /// <summary>
    /// The browser asked nothing of any host but Pacta (no font, script or image from a third party),
    /// nothing it asked failed, and nothing was logged as an error. A page expected to answer 404
    /// may have that one failure, and Chromium's console line about it.
    /// </summary>
    public void AssertCleanVisit(string? expectedFailure = null)
    {
        var foreign = _requests.Where(url => !IsPacta(url)).Distinct().ToList();
        Assert.True(foreign.Count == 0, "The browser made requests to hosts other than Pacta:\n" + string.Join("\n", foreign));

        var failed = _failedResponses.Where(f => expectedFailure is null || !SameResource(f.Url, expectedFailure)).ToList();
        Assert.True(failed.Count == 0, "Requests failed:\n" + string.Join("\n", failed.Select(f => $"{(f.Status == 0 ? "no response" : f.Status)} {f.Url}")));

        var errors = _consoleErrors
            .Where(e => expectedFailure is null || !(e.Text.StartsWith("Failed to load resource", StringComparison.Ordinal) && SameResource(e.Location, expectedFailure)))
            .ToList();
        Assert.True(errors.Count == 0, "The console shows errors (CSP violations are reported here):\n" + string.Join("\n", errors.Select(e => $"{e.Text} (at {e.Location})")));
    }

    private bool IsPacta(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme is "data" or "about" or "blob" || (uri.Scheme == _site.Scheme && uri.Authority == _site.Authority));

    /// <summary>Whether a URL (or a console location, "url:line:column") is the given site path.</summary>
    private bool SameResource(string url, string path)
    {
        var expected = new Uri(_site, path).ToString();
        return url == expected || url.StartsWith(expected + ":", StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
