using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Portal;

/// <summary>A portal page as a reader's browser gets it: status, headers and the parsed document.</summary>
public sealed record PortalPage(HttpStatusCode Status, HttpResponseHeaders Headers, IHtmlDocument Document)
{
    public static async Task<PortalPage> GetAsync(PactaApp app, string path)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        return new PortalPage(response.StatusCode, response.Headers, new HtmlParser().ParseDocument(html));
    }

    public string Heading => Text(Document.QuerySelector("h1"));

    /// <summary>The value (dd) of the fact whose label (dt) reads <paramref name="label"/>.</summary>
    public IElement Fact(string label) =>
        Document.QuerySelectorAll("dl > div").FirstOrDefault(d => Text(d.QuerySelector("dt")) == label)?.QuerySelector("dd")
        ?? throw new InvalidOperationException($"No fact labelled '{label}' on the page.");

    /// <summary>The section whose h2 reads <paramref name="heading"/>.</summary>
    public IElement Section(string heading) =>
        Document.QuerySelectorAll("section").FirstOrDefault(s => Text(s.QuerySelector("h2")) == heading)
        ?? throw new InvalidOperationException($"No section headed '{heading}' on the page.");

    /// <summary>Text as a reader sees it: whitespace runs collapsed to one space.</summary>
    public static string Text(INode? node) =>
        node is null ? "" : string.Join(' ', node.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
