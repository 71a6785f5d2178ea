using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Pacta.Web.Tests.Portal;

namespace Pacta.Web.Tests.Sessions;

/// <summary>Account pages as a browser without JavaScript uses them: load the page, fill a form, press a button.</summary>
internal static class AccountForms
{
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        return (response, new HtmlParser().ParseDocument(html));
    }

    /// <summary>
    /// Submits the form matched by <paramref name="formSelector"/> on the page at <paramref name="path"/>: its
    /// hidden fields (antiforgery token, Blazor's handler name) plus <paramref name="fields"/> (a pressed button's
    /// name and value, typed text).
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string path, string formSelector, params (string Name, string Value)[] fields)
    {
        var (page, document) = await GetAsync(client, path);
        page.Dispose();
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {path} ({(int)page.StatusCode}).");
        var values = form.QuerySelectorAll("input[type=hidden]").Cast<IHtmlInputElement>()
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)))
            .ToList();
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : path;
        return await PostAsync(client, action, values);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> values)
    {
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    public static string Text(AngleSharp.Dom.INode? node) => PortalPage.Text(node);
}
