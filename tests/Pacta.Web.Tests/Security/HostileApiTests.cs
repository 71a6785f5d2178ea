using System.Net;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Security;

/// <summary>
/// Hostile input against every API endpoint, found through the API's own description (the one OpenAPI is made
/// from): every path and query parameter gets every hostile value, every endpoint gets the wrong methods and an
/// oversized body. Never a 5xx; a 4xx is an RFC 9457 problem with a detail; nothing is stored; markup is never
/// echoed unescaped.
/// </summary>
public abstract class HostileApiTests(PactaApp app)
{
    private static readonly string[] HostileValues =
    [
        "%3Cscript%3Ealert('pacta')%3C%2Fscript%3E",
        "'%3B%20DROP%20TABLE%20%22Parties%22%3B%20--",
        "'%20OR%20'1'%3D'1",
        "%00",
        "a%07%1Bb",
        "a%C3%28b",
        "%FF%FE",
        "-1",
        "1e999",
        "99999999999999999999999",
        "",
        "%20%20",
        "..%2F..%2Fetc%2Fpasswd",
    ];

    public static int CaseCount { get; private set; }

    private List<ApiDescription> Descriptions() =>
        app.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items).Where(d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true).ToList();

    [Fact]
    public async Task EveryParameter_OfEveryEndpoint_ResistsHostileValues()
    {
        var descriptions = Descriptions();
        Assert.True(descriptions.Count >= 10, $"only {descriptions.Count} API endpoints described");
        using var client = app.CreateClient();
        var problems = new List<string>();
        IReadOnlyList<string> before;
        await using (var db = app.CreateDbContext()) before = await db.SnapshotAsync();
        var cases = 0;
        foreach (var description in descriptions)
        {
            var parameters = description.ParameterDescriptions.Where(p => p.Source == BindingSource.Path || p.Source == BindingSource.Query).ToList();
            foreach (var parameter in parameters)
            {
                foreach (var value in HostileValues)
                {
                    // A NUL in a path never reaches Pacta: Kestrel answers 400 itself (and the test server will not send it).
                    if (value == "%00" && parameter.Source == BindingSource.Path) continue;
                    cases++;
                    var url = Address(description, parameters, parameter.Name, value);
                    using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                    await CheckAsync($"GET {url}", response, problems);
                }
            }
            // Wrong methods and an oversized body: refused before anything is read.
            foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
            {
                cases++;
                var url = Address(description, parameters, null, null);
                using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = new ByteArrayContent(new byte[2_000_000]) };
                using var response = await client.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.MethodNotAllowed) problems.Add($"{method} {url}: {(int)response.StatusCode}, expected 405");
                await CheckAsync($"{method} {url}", response, problems);
            }
        }
        CaseCount = cases;
        await File.WriteAllTextAsync(Path.Combine(Pacta.Testing.RepositoryFiles.Root, "artifacts", $"hostile-api-{app.Provider}.txt"), $"{descriptions.Count} endpoints, {cases} cases\n");
        IReadOnlyList<string> after;
        await using (var db = app.CreateDbContext()) after = await db.SnapshotAsync();
        Assert.Equal(before, after);
        Assert.True(problems.Count == 0, $"{problems.Count} of {cases} cases failed:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Take(80))}");
    }

    private static async Task CheckAsync(string label, HttpResponseMessage response, List<string> problems)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500) { problems.Add($"{label}: {status} {body}"); return; }
        // In JSON a value is escaped by being a JSON string: the body must parse. Anything else must not carry markup.
        var json = response.Content.Headers.ContentType?.MediaType is "application/json" or "application/problem+json";
        if (json)
        {
            try { using var _ = System.Text.Json.JsonDocument.Parse(body); }
            catch (System.Text.Json.JsonException) { problems.Add($"{label}: JSON that does not parse"); }
        }
        else if (body.Contains("<script", StringComparison.OrdinalIgnoreCase)) problems.Add($"{label}: markup echoed unescaped");
        if (status >= 400)
        {
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") problems.Add($"{label}: {status} is not a problem ({response.Content.Headers.ContentType})");
            else if (!body.Contains("\"detail\"", StringComparison.Ordinal)) problems.Add($"{label}: {status} problem without a detail");
        }
    }

    /// <summary>The endpoint's address with sample values, the named parameter replaced by a hostile (already escaped) value.</summary>
    private static string Address(ApiDescription description, List<ApiParameterDescription> parameters, string? hostile, string? value)
    {
        var path = "/" + description.RelativePath!.Split('?')[0];
        var query = new List<string>();
        foreach (var parameter in parameters)
        {
            var v = parameter.Name == hostile ? value! : Sample(parameter.Name);
            if (parameter.Source == BindingSource.Path)
                path = System.Text.RegularExpressions.Regex.Replace(path, "\\{" + parameter.Name + "(:[^}]*)?\\}", v);
            else if (parameter.Name == hostile)
                query.Add($"{parameter.Name}={v}");
        }
        return query.Count == 0 ? path : path + "?" + string.Join("&", query);
    }

    private static string Sample(string name) => name switch
    {
        "key" => "civil-society",
        "number" or "plan" => "4",
        "code" => "MX0081",
        "index" => "1",
        "from" or "old" => "1",
        "to" or "size" => "2",
        _ => "1",
    };
}

public sealed class HostileApiTestsOnSqlite(SqliteApp app) : HostileApiTests(app), IClassFixture<SqliteApp>;

public sealed class HostileApiTestsOnPostgres(PostgresApp app) : HostileApiTests(app), IClassFixture<PostgresApp>;
