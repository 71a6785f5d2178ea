using Microsoft.AspNetCore.Authorization;

namespace Pacta.Web.People;

/// <summary>
/// Pacta's authorization policies. Every endpoint names one of these or <c>[AllowAnonymous]</c>; an endpoint
/// that names neither falls to the fallback policy (signed in), so a forgotten attribute fails closed. The
/// matrix of endpoints × roles is in docs/security.md and is enforced by the authorization matrix test.
/// </summary>
internal static class Policies
{
    /// <summary>Any signed-in account (participant, reviewer or operator) with a live session.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>A participant of an organisation of the party named by the <c>party</c> route value.</summary>
    public const string PartyMember = "party-member";

    /// <summary>A representative (of the whole party or one of its organisations) of the <c>party</c> route value.</summary>
    public const string PartyRepresentative = "party-representative";

    /// <summary>A participant of any party (drafting, discussing, reporting).</summary>
    public const string Participant = "participant";

    public const string Reviewer = "reviewer";

    /// <summary>The operator: configuration and health only, never content, approvals or private spaces.</summary>
    public const string Operator = "operator";

    /// <summary>The route value that names the party a party policy is about (pages use <c>{Party}</c>).</summary>
    public const string PartyRouteValue = "party";

    public static void AddPactaPolicies(this AuthorizationBuilder authorization)
    {
        var signedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
            .RequireAssertion(c => Member(c) is not null).Build();
        // The fallback applies to endpoints that name no policy (they need a signed-in member: fail closed) and
        // also to requests that match no endpoint at all; those must go on to their 404 page, not to sign-in.
        // Routing's own answers (a 405 for a wrong method is an Endpoint, not a RouteEndpoint) and fallback routes
        // (MapFallback gives them the last order; in development, static files served from disk) are public too.
        var fallback = new AuthorizationPolicyBuilder()
            .RequireAssertion(c => Http(c)?.GetEndpoint() is not RouteEndpoint endpoint || endpoint.Order == int.MaxValue
                || (c.User.Identity?.IsAuthenticated == true && Member(c) is not null)).Build();
        authorization
            .SetDefaultPolicy(signedIn)
            .SetFallbackPolicy(fallback)
            .AddPolicy(SignedIn, signedIn)
            .AddPolicy(Participant, p => p.RequireAuthenticatedUser().RequireAssertion(c => Member(c) is { Kind: Core.People.AccountKind.Participant, PartyKey: not null }))
            .AddPolicy(PartyMember, p => p.RequireAuthenticatedUser().RequireAssertion(c => Party(c) is { } party && Member(c)?.IsMemberOf(party) == true))
            .AddPolicy(PartyRepresentative, p => p.RequireAuthenticatedUser().RequireAssertion(c => Party(c) is { } party && Member(c)?.IsRepresentativeOf(party) == true))
            .AddPolicy(Reviewer, p => p.RequireAuthenticatedUser().RequireAssertion(c => Member(c)?.Kind == Core.People.AccountKind.Reviewer))
            .AddPolicy(Operator, p => p.RequireAuthenticatedUser().RequireAssertion(c => Member(c)?.Kind == Core.People.AccountKind.Operator));
    }

    private static SignedInMember? Member(AuthorizationHandlerContext context) => Http(context)?.SignedInMember();

    private static string? Party(AuthorizationHandlerContext context) =>
        Http(context)?.GetRouteValue(PartyRouteValue) as string;

    private static HttpContext? Http(AuthorizationHandlerContext context) => context.Resource switch
    {
        HttpContext http => http,
        _ => null,
    };
}
