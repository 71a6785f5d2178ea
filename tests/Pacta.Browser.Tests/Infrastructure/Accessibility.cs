using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;

namespace Pacta.Browser.Tests.Infrastructure;

/// <summary>axe-core on the page as the reader sees it, limited to WCAG 2.0 and 2.1, levels A and AA.</summary>
/// <remarks>
/// axe-core and its result model come from Deque.AxeCore; axe runs in one call on the page itself.
/// Deque's <c>page.RunAxe()</c> injects axe twice (once more into a blank page where it merges
/// frame results) and took 1–2.5 s a page against 0.4–1 s here; Pacta's pages have no frames to
/// merge. <see cref="CheckerTests"/> checks that both find the same violations.
/// </remarks>
public static class Accessibility
{
    public static readonly IReadOnlyList<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly string Run =
        "async (options) => { if (!window.axe) { " + new BundledAxeScriptProvider().GetScript() + "\n}\n" +
        "return JSON.stringify(await window.axe.run(document, options)); }";

    private static readonly object Options = new
    {
        runOnly = new { type = "tag", values = Tags },
        // Details of violations only: axe's advice for speed.
        resultTypes = new[] { "violations" },
    };

    public static async Task<IReadOnlyList<AxeResultItem>> ViolationsAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>(Run, Options);
        return new AxeResult(JObject.Parse(json)).Violations;
    }

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var violations = await ViolationsAsync(page);
        Assert.True(violations.Count == 0, Describe(page.Url, violations));
    }

    /// <summary>One paragraph per violation: rule, impact, what to fix, and where.</summary>
    public static string Describe(string url, IEnumerable<AxeResultItem> violations) =>
        $"axe found accessibility violations on {url}:\n" + string.Join("\n", violations.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help} <{v.HelpUrl}>\n" +
            string.Join("\n", v.Nodes.Select(n => $"    at {n.Target}: {n.Html}"))));
}
