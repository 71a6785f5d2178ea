using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Pacta.Core.Agreements;
using Pacta.Core.Record;

namespace Pacta.Core.Plans;

/// <summary>
/// A proposal to move a plan to its next stage (co-creation → implementation → closed). The stage changes only when
/// every party approved it under its DecisionRule, each vote signed with the representative's passkey, as a
/// commitment's version is agreed (docs/adr/0005-plan-stages.md). Never changed once stored but for its outcome.
/// </summary>
public sealed class StageProposal
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required int PlanNumber { get; init; }

    /// <summary>Numbered 1, 2… per plan, in the order proposed.</summary>
    public required int Number { get; init; }

    public required PlanState From { get; init; }
    public required PlanState To { get; init; }
    public required LocalizedText Reason { get; init; }

    /// <summary>The organisation of the representative who proposed it (the record names the organisation, never the person).</summary>
    public required string ProposedByOrganization { get; init; }

    /// <summary>The representative who proposed it; private.</summary>
    public required Guid ProposedBy { get; init; }

    public required DateTimeOffset ProposedAt { get; init; }

    /// <summary>Null while parties are still deciding; then agreed (the plan moved) or objected (it did not).</summary>
    public StageOutcome? Outcome { get; internal set; }

    public DateTimeOffset? DecidedAt { get; internal set; }
}

public enum StageOutcome
{
    Agreed,
    Objected,
}

/// <summary>One party's (or, under unanimity and majority, one organisation's) vote on a stage proposal, signed by its representative.</summary>
public sealed class StageVote
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required int PlanNumber { get; init; }
    public required int ProposalNumber { get; init; }
    public required string PartyKey { get; init; }
    public string? Organization { get; init; }
    public string Unit => Organization ?? VoteStatement.WholeParty;
    public required VoteDecision Decision { get; init; }
    public string? Reason { get; init; }
    public required Guid AppointmentId { get; init; }

    /// <summary>The representative who voted; private.</summary>
    public required Guid MemberId { get; init; }

    public required byte[] CredentialId { get; init; }
    public required string RelyingPartyId { get; init; }
    public required byte[] AuthenticatorData { get; init; }
    public required byte[] ClientDataJson { get; init; }
    public required byte[] Signature { get; init; }
    public required DateTimeOffset At { get; init; }
}

/// <summary>
/// What a representative signs to decide on a stage proposal: <c>{"decision", "from", "organization", "party", "plan",
/// "proposal", "to", "type": "pacta.plan-stage.v1"}</c> as RFC 8785 canonical JSON; the WebAuthn challenge is its SHA-256.
/// </summary>
public sealed record StageStatement(int Plan, int Proposal, PlanState From, PlanState To, string Party, string? Organization, VoteDecision Decision)
{
    public const string Type = "pacta.plan-stage.v1";

    public byte[] Canonical() => CanonicalJson.Serialize(new JsonObject
    {
        ["type"] = Type,
        ["plan"] = Plan,
        ["proposal"] = Proposal,
        ["from"] = PublicNames.Name(From),
        ["to"] = PublicNames.Name(To),
        ["party"] = Party,
        ["organization"] = Organization,
        ["decision"] = VoteStatement.Name(Decision),
    });

    public byte[] Challenge() => SHA256.HashData(Canonical());

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{VoteStatement.Name(Decision)} moving plan {Plan} to {PublicNames.Name(To)} (proposal {Proposal}) for {Party}{(Organization is null ? "" : "/" + Organization)}");
}

/// <summary>The order of a plan's stages.</summary>
public static class PlanStages
{
    /// <summary>The stage after <paramref name="state"/>; null for a closed plan, which stays closed.</summary>
    public static PlanState? Next(PlanState state) => state switch
    {
        PlanState.CoCreation => PlanState.Implementation,
        PlanState.Implementation => PlanState.Closed,
        PlanState.Closed => null,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
