using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.People;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.People;

/// <summary>Steps the web tests share: a passkey without a browser, and reading a page and posting its form as a browser would.</summary>
internal static class PeopleTesting
{
    /// <summary>
    /// Stores a passkey for <paramref name="member"/> as Identity would after registration: a random credential id
    /// and a COSE EC2 P-256 key (algorithm -7, ES256) with random coordinates; the record carries the bytes only.
    /// </summary>
    public static Task<IdentityUserPasskey<Guid>> AddPasskeyAsync(this PactaApp app, Member member) =>
        app.StorePasskeyAsync(member, RandomNumberGenerator.GetBytes(16),
            [0xA5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20, .. RandomNumberGenerator.GetBytes(32), 0x22, 0x58, 0x20, .. RandomNumberGenerator.GetBytes(32)]);

    /// <summary>A member as <see cref="PactaApp.CreateMemberAsync"/> makes one, with a display name of its own to find on a page.</summary>
    public static async Task<Member> CreateNamedMemberAsync(this PactaApp app, string organization, bool representative = false, bool representsOrganization = false)
    {
        var member = await app.CreateMemberAsync(organization, AccountKind.Participant, representative, representsOrganization);
        member.DisplayName = $"Person {Guid.NewGuid().ToString("N")[..8]}";
        await using var db = app.CreateDbContext();
        await db.Users.Where(m => m.Id == member.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.DisplayName, member.DisplayName));
        return member;
    }

    public static async Task<(HttpStatusCode Status, IHtmlDocument Document, string Location)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()), response.Headers.Location?.ToString() ?? "");
    }

    /// <summary>
    /// Posts the form named <paramref name="formName"/> of the page at <paramref name="path"/>: its hidden fields (the
    /// antiforgery token, Blazor's form name) as the page rendered them, <paramref name="fields"/> replacing any of the same name.
    /// </summary>
    public static async Task<(HttpStatusCode Status, IHtmlDocument Document)> PostFormAsync(HttpClient client, string path, string formName,
        params (string Name, string Value)[] fields)
    {
        var result = await PostFormWithLocationAsync(client, path, formName, path, fields);
        return (result.Status, result.Document);
    }

    /// <summary>As <see cref="PostFormAsync"/>, also returning where the answer redirects (a path, with its fragment).</summary>
    public static Task<(HttpStatusCode Status, IHtmlDocument Document, string Location)> PostFormWithLocationAsync(HttpClient client, string path, string formName,
        params (string Name, string Value)[] fields) => PostFormWithLocationAsync(client, path, formName, path, fields);

    /// <summary>Takes the form from the page at <paramref name="path"/> and posts it to <paramref name="target"/>: a post no page offers there.</summary>
    public static async Task<(HttpStatusCode Status, IHtmlDocument Document, string Location)> PostFormWithLocationAsync(HttpClient client, string path, string formName,
        string target, params (string Name, string Value)[] fields)
    {
        var (status, page, _) = await GetAsync(client, path);
        Assert.Equal(HttpStatusCode.OK, status);
        var form = page.QuerySelectorAll("form").FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value='{formName}']") is not null)
            ?? throw new InvalidOperationException($"No form '{formName}' on {path}.");
        var names = fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var values = form.QuerySelectorAll("input[type=hidden]").Where(i => !names.Contains(i.GetAttribute("name")!))
            .Select(i => KeyValuePair.Create(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Concat(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        using var content = new FormUrlEncodedContent(values);
        using var response = await client.PostAsync(new Uri(target, UriKind.Relative), content);
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery + l.Fragment : l.OriginalString) : "";
        return (response.StatusCode, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()), location);
    }

    public static async Task<(HttpStatusCode Status, IHtmlDocument Document)> PostAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> values)
    {
        using var content = new FormUrlEncodedContent(values);
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        return (response.StatusCode, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    public static string Text(AngleSharp.Dom.INode? node) =>
        node is null ? "" : string.Join(' ', node.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
