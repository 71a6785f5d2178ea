using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Components;

namespace Pacta.Web.PrivateSpaces;

/// <summary>
/// Comments as HTML: Markdown without raw HTML (Markdig's <c>DisableHtml</c>), then sanitized down to basic
/// formatting and links. Only this class makes a <see cref="MarkupString"/> from a member's text.
/// </summary>
/// <remarks>
/// No images: an image would make every reader's browser fetch an address the writer chose, telling its owner
/// who read the thread and when. Links only to http, https and mailto, marked nofollow noopener noreferrer so
/// that the destination learns nothing of the space the reader came from.
/// </remarks>
internal static class SpaceMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    private static readonly string[] Tags =
        ["p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr", "h1", "h2", "h3", "h4", "h5", "h6"];

    public static MarkupString Render(string markdown)
    {
        var html = Markdown.ToHtml(markdown, Pipeline);
        return new MarkupString(Sanitize(html));
    }

    internal static string Sanitize(string html)
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        };
        // One per call: its configuration is small, and nothing is shared between requests.
        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { LocalName: "a" } link) link.SetAttribute("rel", "nofollow noopener noreferrer");
        };
        return sanitizer.Sanitize(html);
    }
}
