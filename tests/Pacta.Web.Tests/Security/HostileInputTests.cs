using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Core.People;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Security;

/// <summary>
/// Hostile input against every form and every API endpoint. Forms are found, not listed: every page of the
/// authorization matrix is fetched as a role that may see it (plus the pages <see cref="HostileInputPages"/> makes,
/// such as a thread or an invitation) and every POST form on it is attacked field by field. The rules, for each case:
/// never a 5xx; a value that cannot be valid (empty when required, longer than the field's maxlength, control
/// characters, invalid UTF-8, a wrong type, no or a forged antiforgery token, an oversized body) is refused with a 4xx
/// that shows an error, and the database is exactly as before; a value that is merely hostile text (markup, SQL) may be
/// accepted as text, and then it is shown escaped wherever the answer leads.
/// </summary>
public abstract class HostileInputTests(PactaApp app)
{
    private const string Script = "<script>alert('pacta')</script>";
    private const string Markup = "<img src=x onerror=alert(1)><b>negrita</b>";

    /// <summary>Text any field may refuse or accept; accepted, it must come back escaped.</summary>
    private static readonly (string Name, string Value)[] HostileText =
    [
        ("script", Script),
        ("markup", Markup),
        ("sql", "'; DROP TABLE \"AspNetUsers\"; --"),
        ("sql-or", "' OR '1'='1"),
    ];

    /// <summary>Text no field may accept: raw form bodies, so that control characters reach the server as bytes.</summary>
    private static readonly (string Name, string Encoded)[] InvalidText =
    [
        ("nul", "a%00b"),
        ("control", "a%07%1Bb"),
    ];

    /// <summary>
    /// Percent-escapes that are not UTF-8. ASP.NET Core's form reader leaves such an escape undecoded, so the field
    /// holds the literal text "%C3(" and never an invalid character: a form may accept it as that text, but U+FFFD
    /// (what a decoder makes of bytes that are not UTF-8) must never reach the database.
    /// </summary>
    private static readonly (string Name, string Encoded)[] NotUtf8 =
    [
        ("invalid-utf8", "a%C3%28b"),
        ("invalid-utf8-ff", "%FF%FEa"),
        ("surrogate-utf8", "a%ED%A0%80b"),
    ];

    public static int CaseCount { get; private set; }

    [Fact]
    public async Task EveryForm_RefusesWhatCannotBeValid_AndEscapesWhatItAccepts()
    {
        var problems = new List<string>();
        var (forms, renewals) = await DiscoverFormsAsync();
        Assert.True(forms.Count >= HostileInputPages.MinimumFormCount, $"only {forms.Count} forms found: {string.Join(", ", forms.Select(f => f.Page))}");
        var cases = 0;
        foreach (var form in forms)
        {
            foreach (var (name, mutate, kind) in Cases(form))
            {
                cases++;
                // A fresh page per case: forms carry one-time state (antiforgery, protected hidden fields).
                var fresh = await RefetchAsync(form);
                // A one-time form (publishing an incident) is gone once a case was accepted: attack a new one.
                if (fresh is null && renewals.TryGetValue(form.Page, out var renew))
                    fresh = await RefetchAsync(form with { Page = await renew(), Action = "" });
                if (fresh is null) { problems.Add($"{form.Page} form {form.Name}: gone after an earlier case"); continue; }
                await CheckAsync(fresh, name, mutate, kind, problems);
            }
        }
        CaseCount = cases;
        await File.WriteAllTextAsync(Path.Combine(Pacta.Testing.RepositoryFiles.Root, "artifacts", $"hostile-forms-{app.Provider}.txt"),
            $"{forms.Count} forms, {cases} cases\n" + string.Join("\n", forms.Select(f => $"{f.Page} {f.Name} [{string.Join(", ", f.Fields.Where(x => x.Editable).Select(x => x.Name))}]")));
        Assert.True(problems.Count == 0, $"{problems.Count} of {cases} cases failed:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Take(80))}");
    }

    private enum Expect { Refused, RefusedOrEscaped }

    private static IEnumerable<(string Name, Func<List<KeyValuePair<string, string>>, FormRequest, FormRequest> Mutate, Expect Expect)> Cases(Form form)
    {
        // Antiforgery: missing, forged, and a cross-site post (another Origin, no token).
        yield return ("no antiforgery token", (f, r) => r with { Fields = Without(f, Form.TokenField) }, Expect.Refused);
        yield return ("forged antiforgery token", (f, r) => r with { Fields = With(f, Form.TokenField, "CfDJ8forged" + new string('x', 100)) }, Expect.Refused);
        yield return ("cross-site post", (f, r) => r with { Fields = Without(f, Form.TokenField), Origin = "https://attacker.example" }, Expect.Refused);
        yield return ("oversized body", (f, r) => r with { Fields = With(f, "padding", new string('a', 2_000_000)) }, Expect.Refused);

        foreach (var field in form.Fields.Where(f => f.Editable))
        {
            if (field.Type is "file" or "checkbox" or "radio" or "select") continue;
            if (field.Required)
            {
                yield return ($"{field.Name} empty", (f, r) => r with { Fields = With(f, field.Name, "") }, Expect.Refused);
                yield return ($"{field.Name} only spaces", (f, r) => r with { Fields = With(f, field.Name, "   ") }, Expect.Refused);
            }
            if (field.MaxLength is { } max)
                yield return ($"{field.Name} longer than {max}", (f, r) => r with { Fields = With(f, field.Name, new string('a', max + 1)) }, Expect.Refused);
            else if (field.Type is not ("number" or "date" or "datetime-local" or "month" or "hidden"))
                yield return ($"{field.Name} has no maxlength", (_, _) => throw new InvalidOperationException("no maxlength"), Expect.Refused);
            foreach (var (name, encoded) in InvalidText)
                yield return ($"{field.Name} {name}", (f, r) => r with { Fields = f, Raw = (field.Name, encoded) }, Expect.Refused);
            foreach (var (name, encoded) in NotUtf8)
                yield return ($"{field.Name} {name}", (f, r) => r with { Fields = f, Raw = (field.Name, encoded) }, Expect.RefusedOrEscaped);
            if (field.Type is "number" or "date" or "email" or "month" or "url")
                yield return ($"{field.Name} wrong type", (f, r) => r with { Fields = With(f, field.Name, "no es un valor") }, Expect.Refused);
            if (field.Type is not ("number" or "date" or "month" or "password"))
                foreach (var (name, value) in HostileText)
                    yield return ($"{field.Name} {name}", (f, r) => r with { Fields = With(f, field.Name, value) }, Expect.RefusedOrEscaped);
        }
    }

    private async Task CheckAsync(Form form, string caseName, Func<List<KeyValuePair<string, string>>, FormRequest, FormRequest> mutate, Expect expect, List<string> problems)
    {
        var label = $"{form.Page} form {form.Name}: {caseName}";
        FormRequest request;
        try { request = mutate(form.Values(), new FormRequest(form.Action, form.Values(), null, null, form.Multipart)); }
        catch (InvalidOperationException e) { problems.Add($"{label}: {e.Message}"); return; }

        IReadOnlyList<string> before;
        await using (var db = app.CreateDbContext()) before = Stored(await db.SnapshotAsync());
        using var response = await form.Client.SendAsync(request.ToMessage());
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        IReadOnlyList<string> after;
        await using (var db = app.CreateDbContext()) after = Stored(await db.SnapshotAsync());

        if (status >= 500) { problems.Add($"{label}: {status}"); return; }
        var refused = status is >= 400 and < 500;
        if (refused)
        {
            if (!before.SequenceEqual(after)) problems.Add($"{label}: refused with {status} but the database changed: {string.Join("; ", after.Except(before).Take(3))}");
            if (body.Contains(Script, StringComparison.Ordinal) || body.Contains("<img src=x", StringComparison.Ordinal)) problems.Add($"{label}: the refusal echoes markup unescaped");
            if (status != 413 && IsHtml(response) && !ShowsAnError(body)) problems.Add($"{label}: {status} without a visible error message: {Excerpt(body)}");
            return;
        }
        if (expect == Expect.Refused) { problems.Add($"{label}: accepted ({status})"); return; }
        if (after.Except(before).Any(row => row.Contains('\uFFFD', StringComparison.Ordinal))) problems.Add($"{label}: accepted, and U+FFFD reached the database");
        // Accepted as text: wherever the answer leads, the text is escaped.
        var shown = body;
        if (response.Headers.Location is { } location && location.OriginalString.StartsWith('/'))
        {
            using var next = await form.Client.GetAsync(location);
            shown = await next.Content.ReadAsStringAsync();
        }
        if (shown.Contains(Script, StringComparison.Ordinal) || shown.Contains("<img src=x", StringComparison.Ordinal)) problems.Add($"{label}: accepted and shown unescaped");
    }

    /// <summary>What "nothing stored" compares: every table but the security log (a refused attempt is rightly logged).</summary>
    private static List<string> Stored(IReadOnlyList<string> snapshot) =>
        snapshot.Where(row => !row.StartsWith("SecurityEvents:", StringComparison.Ordinal) && !row.StartsWith("MemberSessions:", StringComparison.Ordinal)).ToList();

    private static string Excerpt(string html)
    {
        var main = new HtmlParser().ParseDocument(html).QuerySelector("main")?.TextContent ?? html;
        var text = string.Join(' ', main.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length > 160 ? text[..160] + "…" : text;
    }

    private static bool IsHtml(HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType == "text/html";

    private static bool ShowsAnError(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        return document.QuerySelector(".validation-message, .validation-errors, [role=alert], .error, .field-error") is not null;
    }

    // ---- discovery ----

    private sealed record Field(string Name, string Type, string Value, bool Required, int? MaxLength, bool Editable);

    private sealed record Form(string Page, string Name, string Action, bool Multipart, IReadOnlyList<Field> Fields, HttpClient Client, int Position)
    {
        public const string TokenField = "__RequestVerificationToken";

        public List<KeyValuePair<string, string>> Values() => Fields.Where(f => f.Type != "file").Select(f => KeyValuePair.Create(f.Name, f.Value)).ToList();
    }

    private sealed record FormRequest(string Action, List<KeyValuePair<string, string>> Fields, (string Name, string Encoded)? Raw, string? Origin, bool Multipart)
    {
        public HttpRequestMessage ToMessage()
        {
            var message = new HttpRequestMessage(HttpMethod.Post, new Uri(Action, UriKind.Relative));
            if (Origin is not null) { message.Headers.Add("Origin", Origin); message.Headers.Add("Sec-Fetch-Site", "cross-site"); }
            if (Multipart && Raw is null)
            {
                var content = new MultipartFormDataContent();
                foreach (var (name, value) in Fields) content.Add(new StringContent(value, Encoding.UTF8), name);
                message.Content = content;
                return message;
            }
            var body = new StringBuilder();
            foreach (var (name, value) in Fields)
            {
                if (body.Length > 0) body.Append('&');
                body.Append(Uri.EscapeDataString(name)).Append('=');
                body.Append(Raw is { } raw && raw.Name == name ? raw.Encoded : Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal));
            }
            message.Content = new ByteArrayContent(Encoding.ASCII.GetBytes(body.ToString()));
            message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
            return message;
        }
    }

    private static List<KeyValuePair<string, string>> Without(List<KeyValuePair<string, string>> fields, string name) =>
        fields.Where(f => f.Key != name).ToList();

    private static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> fields, string name, string value) =>
        [.. fields.Where(f => f.Key != name), KeyValuePair.Create(name, value)];

    private async Task<(List<Form> Forms, Dictionary<string, Func<Task<string>>> Renewals)> DiscoverFormsAsync()
    {
        var clients = await HostileInputPages.ClientsAsync(app);
        var pages = new List<(string Url, HttpClient Client)>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null || endpoint.Order == int.MaxValue) continue;
            var raw = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (!raw.StartsWith("/es/", StringComparison.Ordinal) && raw != "/es") continue; // one language is enough to find the forms
            var pattern = "/{lang}" + raw[3..];
            if (!AuthorizationMatrix.Endpoints.TryGetValue(pattern, out var policy)) continue;
            pages.Add((AuthorizationMatrix.Address(pattern), clients.For(policy)));
        }
        var renewals = new Dictionary<string, Func<Task<string>>>(StringComparer.Ordinal);
        foreach (var (url, client, renew) in await HostileInputPages.ExtraAsync(app, clients))
        {
            pages.Add((url, client));
            if (renew is not null) renewals[url] = renew;
        }

        var forms = new List<Form>();
        foreach (var (url, client) in pages.DistinctBy(p => p.Url))
            forms.AddRange(await FormsOnAsync(url, client));
        return (forms, renewals);
    }

    private static async Task<Form?> RefetchAsync(Form form) =>
        (await FormsOnAsync(form.Page, form.Client)).FirstOrDefault(f => f.Position == form.Position && f.Name == form.Name);

    private static async Task<List<Form>> FormsOnAsync(string url, HttpClient client)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        if (!response.IsSuccessStatusCode || !IsHtml(response)) return [];
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var forms = new List<Form>();
        var position = 0;
        foreach (var form in document.QuerySelectorAll("form").OfType<IHtmlFormElement>())
        {
            position++;
            if (!string.Equals(form.Method, "post", StringComparison.OrdinalIgnoreCase)) continue;
            var fields = new List<Field>();
            foreach (var element in form.Elements)
            {
                var name = element.GetAttribute("name");
                if (string.IsNullOrEmpty(name)) continue;
                var type = element switch
                {
                    IHtmlTextAreaElement => "textarea",
                    IHtmlSelectElement => "select",
                    IHtmlInputElement input => input.Type.ToLowerInvariant(),
                    _ => "other",
                };
                if (type is "submit" or "button" or "other") continue;
                var value = element switch
                {
                    IHtmlTextAreaElement area => area.Value,
                    IHtmlSelectElement select => select.Value ?? "",
                    IHtmlInputElement input => input.Value,
                    _ => "",
                };
                if (type is "checkbox" or "radio" && element is IHtmlInputElement { IsChecked: false }) continue;
                var required = element.HasAttribute("required");
                if (string.IsNullOrEmpty(value) && type != "hidden") value = SampleValue(type);
                int? maxLength = int.TryParse(element.GetAttribute("maxlength"), out var m) ? m : null;
                fields.Add(new Field(name, type, value, required, maxLength, Editable: type != "hidden"));
            }
            var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
            var formName = fields.FirstOrDefault(f => f.Name == "_handler")?.Value ?? form.GetAttribute("name") ?? $"#{position}";
            forms.Add(new Form(url, formName, action, (form.Enctype ?? "").Contains("multipart", StringComparison.OrdinalIgnoreCase), fields, client, position));
        }
        return forms;
    }

    private static string SampleValue(string type) => type switch
    {
        "email" => $"prueba-{Guid.NewGuid():N}@example.org",
        "number" => "1",
        "date" => "2026-06-01",
        "month" => "2026-06",
        "url" => "https://example.org/",
        "password" => "una frase de paso bastante larga",
        _ => "Texto de prueba",
    };
}

public sealed class HostileInputTestsOnSqlite(SqliteApp app) : HostileInputTests(app), IClassFixture<SqliteApp>;

public sealed class HostileInputTestsOnPostgres(PostgresApp app) : HostileInputTests(app), IClassFixture<PostgresApp>;
