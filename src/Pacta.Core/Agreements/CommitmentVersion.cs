namespace Pacta.Core.Agreements;

/// <summary>
/// One immutable version of a co-created commitment's text (glossary: Versión). Versions are numbered from 1 per
/// commitment; a draft before agreement, an amendment after. A version every party approved is agreed.
/// </summary>
/// <remarks>No operation changes a version once stored: a change is a new version.</remarks>
public sealed class CommitmentVersion
{
    public required string CommitmentCode { get; init; }
    public required int Number { get; init; }
    public required VersionKind Kind { get; init; }

    /// <summary>The text's JSON (<see cref="CommitmentText.ToJson"/>), canonical.</summary>
    public required string Text { get; init; }

    /// <summary>SHA-256 of <see cref="Text"/>, lower-case hex: what representatives sign.</summary>
    public required string Hash { get; init; }

    public required DateTimeOffset ProposedAt { get; init; }

    /// <summary>The member who proposed it; private (the record names the organisation).</summary>
    public required Guid ProposedBy { get; init; }

    /// <summary>The proposer's organisation, by short name, as the record shows it.</summary>
    public required string ProposedByOrganization { get; init; }

    /// <summary>Why the amendment is needed; unknown for a draft.</summary>
    public LocalizedText Reason { get; init; } = LocalizedText.Unknown;

    /// <summary>An amendment's effect on the commitment's scope and dates; unknown for a draft.</summary>
    public LocalizedText Effect { get; init; } = LocalizedText.Unknown;

    /// <summary>When the last party's approval made it agreed; null until then.</summary>
    public DateTimeOffset? AgreedAt { get; internal set; }

    public CommitmentText ReadText() => CommitmentText.FromJson(Text);
}

/// <summary>Whether a version drafts a commitment not yet agreed or amends an agreed one.</summary>
public enum VersionKind
{
    Draft,
    Amendment,
}
