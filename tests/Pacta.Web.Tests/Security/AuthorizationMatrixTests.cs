using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Core.People;
using Pacta.Testing;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Security;

/// <summary>
/// Every endpoint × every role: each endpoint names a policy (or [AllowAnonymous]) explicitly, the policy is the one
/// docs/security.md promises, and each role gets what that policy says (allowed, 403, or sent to sign in).
/// </summary>
public abstract class AuthorizationMatrixTests(PactaApp app)
{
    private IEnumerable<RouteEndpoint> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            // Static files (CSS, fonts, the passkey script) are public by design: one AllowAnonymous for all, checked below.
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            // In development, files not in the build's manifest are served by a fallback route; the fallback policy
            // lets fallback routes through (Policies.AddPactaPolicies), like the static files themselves.
            .Where(e => e.Order != int.MaxValue);

    private static string Pattern(RouteEndpoint endpoint)
    {
        var raw = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
        // A group's own route ("/api/v1/plans" + "") is written with a trailing slash; requests match without it.
        if (raw.Length > 1 && raw.EndsWith('/') && raw is not "/es/" and not "/en/") raw = raw.TrimEnd('/');
        // Pages have one route per language; the matrix has one line for both.
        foreach (var language in new[] { "es", "en" })
            if (raw == "/" + language || raw.StartsWith("/" + language + "/", StringComparison.Ordinal)) return "/{lang}" + raw[(language.Length + 1)..] + (raw.Length == language.Length + 1 ? "/" : "");
        return raw;
    }

    private static string? PolicyOf(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) return AuthorizationMatrix.Anonymous;
        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "signed-in").Distinct().ToList();
        return policies.Count == 1 ? policies[0] : policies.Count == 0 ? null : string.Join("+", policies);
    }

    [Fact]
    public void EveryEndpoint_NamesItsPolicy_AndIsInTheMatrix()
    {
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in Endpoints())
        {
            var pattern = Pattern(endpoint);
            seen.Add(pattern);
            var policy = PolicyOf(endpoint);
            if (policy is null) problems.Add($"{pattern}: no policy and no [AllowAnonymous] ({endpoint.DisplayName}: {string.Join(", ", endpoint.Metadata.Select(m => m.GetType().Name))})");
            else if (!AuthorizationMatrix.Endpoints.TryGetValue(pattern, out var expected)) problems.Add($"{pattern}: not in the matrix (policy {policy}): add it to AuthorizationMatrix and docs/security.md");
            else if (expected != policy) problems.Add($"{pattern}: policy {policy}, the matrix says {expected}");
        }
        foreach (var pattern in AuthorizationMatrix.Endpoints.Keys.Where(p => !seen.Contains(p)))
            problems.Add($"{pattern}: in the matrix but no such endpoint");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void StaticFiles_AreThePublicOnes()
    {
        var assets = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is not null).ToList();
        Assert.NotEmpty(assets);
        Assert.All(assets, a => Assert.NotNull(a.Metadata.GetMetadata<IAllowAnonymous>()));
    }

    [Fact]
    public async Task EveryRole_GetsWhatThePolicyPromises()
    {
        var clients = new Dictionary<Role, HttpClient>
        {
            [Role.Anonymous] = app.CreateHttpsClient(),
            [Role.Member] = await app.SignInAsync(await app.CreateMemberAsync("SFP")),
            [Role.OtherPartyMember] = await app.SignInAsync(await app.CreateMemberAsync(CivilSocietyOrganization())),
            [Role.Representative] = await app.SignInAsync(await app.CreateMemberAsync("SFP", representative: true)),
            [Role.Reviewer] = await app.SignInAsync(await app.CreateMemberAsync(kind: AccountKind.Reviewer)),
            [Role.Operator] = await app.SignInAsync(await app.CreateMemberAsync(kind: AccountKind.Operator)),
        };
        var problems = new List<string>();
        foreach (var endpoint in Endpoints())
        {
            var pattern = Pattern(endpoint);
            if (!AuthorizationMatrix.Endpoints.TryGetValue(pattern, out var policy)) continue; // reported by the test above
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var method = methods.Contains("GET") ? HttpMethod.Get : new HttpMethod(methods[0]);
            foreach (var (role, client) in clients)
            {
                using var request = new HttpRequestMessage(method, new Uri(AuthorizationMatrix.Address(pattern), UriKind.Relative));
                if (method != HttpMethod.Get) request.Content = new FormUrlEncodedContent([]);
                using var response = await client.SendAsync(request);
                var actual = OutcomeOf(response);
                var expected = AuthorizationMatrix.Expected(policy, role);
                if (actual != expected) problems.Add($"{method} {pattern} as {role}: {actual} ({(int)response.StatusCode}), expected {expected}");
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task DocsSecurityMd_CarriesTheMatrix()
    {
        var docs = await File.ReadAllTextAsync(Path.Combine(RepositoryFiles.Root, "docs", "security.md"));
        const string start = "<!-- authorization-matrix:start -->\n", end = "<!-- authorization-matrix:end -->";
        var from = docs.IndexOf(start, StringComparison.Ordinal);
        var to = docs.IndexOf(end, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, "docs/security.md has no authorization matrix markers");
        var expected = AuthorizationMatrix.Markdown();
        // When it differs, the block to paste is written beside the test results as well.
        if (docs[(from + start.Length)..to] != expected)
            await File.WriteAllTextAsync(Path.Combine(RepositoryFiles.Root, "artifacts", "authorization-matrix.md"), expected);
        Assert.True(docs[(from + start.Length)..to] == expected, "docs/security.md's matrix is out of date; it should read:\n" + expected);
    }

    private static Outcome OutcomeOf(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Unauthorized => Outcome.SignIn,
        HttpStatusCode.Forbidden => Outcome.Forbidden,
        HttpStatusCode.Redirect or HttpStatusCode.Found when response.Headers.Location?.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal) == true => Outcome.SignIn,
        _ => Outcome.Allowed,
    };

    private string CivilSocietyOrganization()
    {
        using var db = app.CreateDbContext();
        return db.Organizations.Where(o => o.PartyKey == "civil-society").OrderBy(o => o.ShortName).Select(o => o.ShortName).First();
    }
}

public sealed class AuthorizationMatrixTestsOnSqlite(SqliteApp app) : AuthorizationMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class AuthorizationMatrixTestsOnPostgres(PostgresApp app) : AuthorizationMatrixTests(app), IClassFixture<PostgresApp>;
