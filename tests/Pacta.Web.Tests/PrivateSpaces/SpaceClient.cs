using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Pacta.Web.Tests.PrivateSpaces;

/// <summary>A signed-in browser without JavaScript: it reads pages and submits their forms with the hidden fields they carry.</summary>
internal static class SpaceClient
{
    public sealed record Page(HttpStatusCode Status, string Html, IHtmlDocument Document, Uri? Location)
    {
        public string Text => Portal.PortalPage.Text(Document.Body);

        /// <summary>Where a redirect goes, as a path.</summary>
        public string RedirectPath => Location is null ? throw new InvalidOperationException($"Not a redirect: {Status}.")
            : Location.IsAbsoluteUri ? Location.PathAndQuery : Location.OriginalString;
    }

    public static async Task<Page> PageAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadAsync(response);
    }

    /// <summary>GETs <paramref name="path"/> and posts its form named <paramref name="formName"/> with <paramref name="fields"/> added.</summary>
    public static async Task<Page> SubmitAsync(this HttpClient client, string path, string formName, IDictionary<string, string> fields)
    {
        var hidden = await HiddenFieldsAsync(client, path, formName);
        using var content = new FormUrlEncodedContent(hidden.Concat(fields));
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        return await ReadAsync(response);
    }

    public static async Task<Page> UploadAsync(this HttpClient client, string path, string fileName, byte[] bytes, string contentType = "application/octet-stream")
    {
        var hidden = await HiddenFieldsAsync(client, path, "upload");
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in hidden) content.Add(new StringContent(value), name);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        content.Add(file, "Upload.File", fileName);
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        return await ReadAsync(response);
    }

    private static async Task<List<KeyValuePair<string, string>>> HiddenFieldsAsync(HttpClient client, string path, string formName)
    {
        var page = await client.PageAsync(path);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {path}: {page.Status}");
        var form = page.Document.QuerySelectorAll("form").FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value='{formName}']") is not null)
            ?? throw new InvalidOperationException($"No form {formName} on {path}.");
        return [.. form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))];
    }

    private static async Task<Page> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return new Page(response.StatusCode, html, new HtmlParser().ParseDocument(html), response.Headers.Location);
    }
}
