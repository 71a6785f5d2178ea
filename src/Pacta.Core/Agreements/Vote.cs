using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Pacta.Core.Record;

namespace Pacta.Core.Agreements;

/// <summary>
/// One party's (or, under unanimity and majority, one organisation's) approval of or objection to one version,
/// signed by its representative's passkey over the <see cref="VoteStatement"/>.
/// </summary>
public sealed class Vote
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string CommitmentCode { get; init; }
    public required int VersionNumber { get; init; }
    public required string PartyKey { get; init; }

    /// <summary>The organisation voting under unanimity or majority (short name); null when the party votes as one.</summary>
    public string? Organization { get; init; }

    /// <summary>The voting unit, unique per version: the organisation's short name, or <c>party</c>.</summary>
    public string Unit => Organization ?? VoteStatement.WholeParty;

    public required VoteDecision Decision { get; init; }

    /// <summary>An objection's reason, as typed; null for an approval.</summary>
    public string? Reason { get; init; }

    public required Guid AppointmentId { get; init; }

    /// <summary>The representative who voted; private (the record names the appointment, whose credential signs).</summary>
    public required Guid MemberId { get; init; }

    public required byte[] CredentialId { get; init; }
    public required string RelyingPartyId { get; init; }
    public required byte[] AuthenticatorData { get; init; }
    public required byte[] ClientDataJson { get; init; }
    public required byte[] Signature { get; init; }
    public required DateTimeOffset At { get; init; }
}

public enum VoteDecision
{
    Approval,
    Objection,
}

/// <summary>
/// What a representative signs: <c>{"commitment", "decision", "organization", "party", "type": "pacta.vote.v1",
/// "version", "versionHash"}</c> as RFC 8785 canonical JSON. The WebAuthn challenge is its SHA-256, so the
/// signature binds the person's passkey to this decision on this exact text (docs/adr/0004-agreements.md).
/// </summary>
public sealed record VoteStatement(string Commitment, int Version, string VersionHash, string Party, string? Organization, VoteDecision Decision)
{
    public const string Type = "pacta.vote.v1";

    /// <summary>The voting unit of a party that votes as one.</summary>
    public const string WholeParty = "party";

    public byte[] Canonical() => CanonicalJson.Serialize(new JsonObject
    {
        ["type"] = Type,
        ["commitment"] = Commitment,
        ["version"] = Version,
        ["versionHash"] = VersionHash,
        ["party"] = Party,
        ["organization"] = Organization,
        ["decision"] = Name(Decision),
    });

    /// <summary>The WebAuthn challenge: SHA-256 of <see cref="Canonical"/>.</summary>
    public byte[] Challenge() => SHA256.HashData(Canonical());

    public static string Name(VoteDecision decision) => decision switch
    {
        VoteDecision.Approval => "approve",
        VoteDecision.Objection => "object",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name(Decision)} {Commitment} version {Version} for {Party}{(Organization is null ? "" : "/" + Organization)}");
}
