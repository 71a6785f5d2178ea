using System.Text;

namespace Pacta.Web.Tests.Security;

/// <summary>
/// Who may reach which endpoint: the matrix of docs/security.md as data. Every endpoint of the app must be here
/// (<see cref="AuthorizationMatrixTests"/> fails for one that is not, or whose policy differs, or whose behaviour
/// for a role differs from what its policy promises). A new page or endpoint starts by adding its line.
/// </summary>
internal static class AuthorizationMatrix
{
    public const string Anonymous = "anonymous";

    /// <summary>Route pattern (as routing writes it) → the policy it must carry.</summary>
    public static readonly IReadOnlyDictionary<string, string> Endpoints = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["/"] = Anonymous,
        ["/error"] = Anonymous,
        ["/not-found"] = Anonymous,
        ["/_framework/opaque-redirect"] = Anonymous,
        ["/openapi/{documentName}.json"] = Anonymous,
        ["/record/checkpoint"] = Anonymous,
        ["/record/key"] = Anonymous,
        ["/record/tile/{**path}"] = Anonymous,
        ["/api/v1/forum"] = Anonymous,
        ["/api/v1/parties"] = Anonymous,
        ["/api/v1/parties/{key}"] = Anonymous,
        ["/api/v1/organizations"] = Anonymous,
        ["/api/v1/plans"] = Anonymous,
        ["/api/v1/plans/{number}"] = Anonymous,
        ["/api/v1/plans/{number}/commitments.csv"] = Anonymous,
        ["/api/v1/commitments"] = Anonymous,
        ["/api/v1/commitments/{code}"] = Anonymous,
        ["/api/v1/record/entries/{index}"] = Anonymous,
        ["/api/v1/record/consistency"] = Anonymous,
        ["/{lang}/"] = Anonymous,
        ["/{lang}/plans"] = Anonymous,
        ["/{lang}/plans/{Number:int}"] = Anonymous,
        ["/{lang}/parties/{Key}"] = Anonymous,
        ["/{lang}/parties/{Party}/people"] = "party-member",
        ["/{lang}/parties/{Party}/security-log"] = "party-representative",
        ["/{lang}/organizations"] = Anonymous,
        ["/{lang}/commitments/{Code}"] = Anonymous,
        ["/{lang}/record"] = Anonymous,
        ["/{lang}/record/verify"] = Anonymous,
        ["/{lang}/record/entries/{Index}"] = Anonymous,
        ["/account/export"] = "signed-in",
        ["/account/sign-out"] = "signed-in",
        ["/account/passkey/creation-options"] = "signed-in",
        ["/account/passkey/invitation-options"] = Anonymous,
        ["/account/passkey/request-options"] = Anonymous,
        ["/api/v1/incidents"] = Anonymous,
        ["/{lang}/account"] = "signed-in",
        ["/{lang}/account/data"] = "signed-in",
        ["/{lang}/account/inbox"] = "signed-in",
        ["/{lang}/account/security"] = "signed-in",
        ["/{lang}/account/sessions"] = "signed-in",
        ["/{lang}/account/sign-in"] = Anonymous,
        ["/{lang}/account/invitation/{Token}"] = Anonymous,
        ["/{lang}/incidents"] = Anonymous,
        ["/{lang}/parties/{Party}/space"] = "party-member",
        ["/{lang}/parties/{Party}/space/threads/{Id:guid}"] = "party-member",
        ["/{lang}/parties/{party}/space/documents/{id:guid}"] = "party-member",
        ["/{lang}/parties/{Party}/space/incidents/new"] = "party-member",
        ["/{lang}/parties/{Party}/space/incidents/{Id:guid}/publish"] = "party-representative",
        ["/api/v1/working-tables"] = Anonymous,
        ["/api/v1/commitments/{code}/versions"] = Anonymous,
        ["/agreements/vote-options"] = "participant",
        ["/{lang}/plans/{Number:int}/tables/new"] = "participant",
        ["/{lang}/tables/{Id:guid}"] = Anonymous,
        ["/{lang}/tables/{Table:guid}/draft"] = "participant",
        ["/{lang}/commitments/{Code}/draft"] = "participant",
        ["/{lang}/commitments/{Code}/amend"] = "participant",
        ["/{lang}/commitments/{Code}/versions"] = Anonymous,
        ["/{lang}/commitments/{Code}/versions/{Number:int}/vote"] = "participant",
        ["/api/v1/plans/{number}/progress"] = Anonymous,
        ["/api/v1/plans/{number}/status"] = Anonymous,
        ["/api/v1/plans/{number}/status.csv"] = Anonymous,
        ["/evidence/{sha256}"] = Anonymous,
        ["/{lang}/commitments/{Code}/milestones/{Number:int}/report"] = "participant",
        ["/{lang}/progress/{Id:guid}/dispute"] = "participant",
        ["/{lang}/plans/{Number:int}/dashboard"] = Anonymous,
        ["/{lang}/plans/{number:int}/feed.atom"] = Anonymous,
        ["/{lang}/commitments/{code}/feed.atom"] = Anonymous,
        ["/{lang}/disputes/{Id:guid}/answer"] = "participant",
        ["/api/v1/plans/{number}/stages"] = Anonymous,
        ["/plans/stage-vote-options"] = "participant",
        ["/{lang}/plans/{Number:int}/stages"] = Anonymous,
        ["/{lang}/plans/{Number:int}/stages/new"] = "participant",
        ["/{lang}/plans/{Number:int}/stages/{Proposal:int}/vote"] = "participant",
    };

    /// <summary>What each role meets at an endpoint of each policy (the party in the address is the member's).</summary>
    public static Outcome Expected(string policy, Role role) => (policy, role) switch
    {
        (Anonymous, _) => Outcome.Allowed,
        (_, Role.Anonymous) => Outcome.SignIn,
        ("signed-in", _) => Outcome.Allowed,
        ("participant", Role.Member or Role.OtherPartyMember or Role.Representative) => Outcome.Allowed,
        ("party-member", Role.Member or Role.Representative) => Outcome.Allowed,
        ("party-representative", Role.Representative) => Outcome.Allowed,
        ("reviewer", Role.Reviewer) => Outcome.Allowed,
        ("operator", Role.Operator) => Outcome.Allowed,
        ("participant" or "party-member" or "party-representative" or "reviewer" or "operator", _) => Outcome.Forbidden,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "A policy the matrix does not know: add its column rules."),
    };

    /// <summary>Sample values for route parameters, so that every pattern becomes an address to request.</summary>
    public static string Address(string pattern) => pattern
        .Replace("{lang}", "es", StringComparison.Ordinal)
        .Replace("{**path}", "0/000", StringComparison.Ordinal)
        .Replace("{documentName}", "v1", StringComparison.Ordinal)
        .Replace("{key}", MatrixParty, StringComparison.Ordinal)
        .Replace("{Key}", MatrixParty, StringComparison.Ordinal)
        .Replace("{Party}", MatrixParty, StringComparison.Ordinal)
        .Replace("{party}", MatrixParty, StringComparison.Ordinal)
        .Replace("{number}", "4", StringComparison.Ordinal)
        .Replace("{number:int}", "99", StringComparison.Ordinal)
        .Replace("{Number:int}", "4", StringComparison.Ordinal)
        .Replace("{Proposal:int}", "1", StringComparison.Ordinal)
        .Replace("{code}", "MX0081", StringComparison.Ordinal)
        .Replace("{Code}", "MX0081", StringComparison.Ordinal)
        .Replace("{index}", "1", StringComparison.Ordinal)
        .Replace("{Index}", "1", StringComparison.Ordinal)
        .Replace("{token}", "not-a-token", StringComparison.Ordinal)
        .Replace("{Token}", "not-a-token", StringComparison.Ordinal)
        .Replace("{Id:guid}", "0190a000-0000-7000-8000-000000000000", StringComparison.Ordinal)
        .Replace("{id:guid}", "0190a000-0000-7000-8000-000000000000", StringComparison.Ordinal)
        .Replace("{Table:guid}", "0190a000-0000-7000-8000-000000000000", StringComparison.Ordinal)
        .Replace("{sha256}", new string('a', 64), StringComparison.Ordinal);

    /// <summary>The party whose member, representative and pages the matrix uses; the other party's member is of civil society.</summary>
    public const string MatrixParty = "executive";

    /// <summary>The matrix as the Markdown table docs/security.md carries between its markers.</summary>
    public static string Markdown()
    {
        var roles = Enum.GetValues<Role>();
        var text = new StringBuilder();
        text.Append("| endpoint | policy | ").AppendJoin(" | ", roles.Select(Label)).Append(" |\n");
        text.Append("|---|---|").AppendJoin("", roles.Select(_ => "---|")).Append('\n');
        foreach (var (pattern, policy) in Endpoints)
        {
            text.Append("| `").Append(pattern).Append("` | ").Append(policy).Append(" | ")
                .AppendJoin(" | ", roles.Select(r => Expected(policy, r) switch { Outcome.Allowed => "yes", Outcome.Forbidden => "403", _ => "sign in" }))
                .Append(" |\n");
        }
        return text.ToString();
    }

    private static string Label(Role role) => role switch
    {
        Role.Anonymous => "public",
        Role.Member => "member",
        Role.OtherPartyMember => "member of another party",
        Role.Representative => "representative",
        Role.Reviewer => "reviewer",
        Role.Operator => "operator",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}

internal enum Role { Anonymous, Member, OtherPartyMember, Representative, Reviewer, Operator }

internal enum Outcome { Allowed, Forbidden, SignIn }
