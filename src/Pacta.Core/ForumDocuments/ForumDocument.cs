using Pacta.Core.Forum;
using Pacta.Core.Plans;

namespace Pacta.Core.ForumDocuments;

/// <summary>
/// A file of format <c>open-government-forum/1</c> as read, before it touches the database.
/// Every part remembers its JSON path so that cross-checks against the database can name it.
/// The format is documented in docs/forum-document.schema.json.
/// </summary>
public sealed record ForumDocument(
    string? Note,
    MemberPart? Member,
    ForumPart? Forum,
    IReadOnlyList<OrganizationPart> Organizations,
    IReadOnlyList<ParticipationPart> ParticipationEvents,
    IReadOnlyList<PlanPart> Plans)
{
    public const string Format = "open-government-forum/1";
}

public sealed record MemberPart(LocalizedText Name, string? Kind, int? OgpMemberSince, bool? FoundingMember);

public sealed record ForumPart(LocalizedText Name, LocalizedText FormerName, IReadOnlyList<PartyPart> Parties);

public sealed record PartyPart(string Path, string Key, LocalizedText Name, DecisionRule DecisionRule);

/// <summary>An organisation, whether listed under its party or in the top-level <c>organizations</c>.</summary>
public sealed record OrganizationPart(string Path, string PartyKey, string PartyPath, string ShortName, LocalizedText Name, bool Fictional, int Position);

public sealed record ParticipationPart(string Path, PartialDate Date, string PartyKey, ParticipationStatus Status, string? Source, IReadOnlyList<string> Grounds);

public sealed record PlanPart(
    string Path, int Number, LocalizedText Title,
    PartialDate? PeriodFrom, PartialDate? PeriodTo, PartialDate? ExtendedTo, PlanState? State, bool Fictional, string? Source,
    PartialDate? ConsultationFrom, PartialDate? ConsultationTo, int? OnlineParticipants, int? InPersonParticipants,
    int? IrmRelevantToOgpValues, int? IrmTransformative,
    int? IrmEarlyResultsMarginal, int? IrmEarlyResultsMajor, int? IrmEarlyResultsOutstanding, int? IrmEarlyResultsNoEvidence,
    IReadOnlyList<CommitmentPart> Commitments);

public sealed record CommitmentPart(
    string Path, string Code, LocalizedText Title, string? PolicyArea,
    LocalizedText Problem, LocalizedText StatusQuo, LocalizedText Objective, IReadOnlyList<string>? OgpValues,
    Reference? Lead, IReadOnlyList<Reference> Supporting,
    PartialDate? Start, PartialDate? End, PartialDate? ShortTermDeadline, bool? Verifiable,
    IReadOnlyList<MilestonePart> Milestones);

public sealed record MilestonePart(string Path, LocalizedText Title, Reference? Responsible, PartialDate? Start, PartialDate? End, decimal? Weight);

/// <summary>A reference by short name to an organisation, with the path where it was made.</summary>
public sealed record Reference(string Path, string ShortName);

/// <summary>One problem found in a forum document: the file, the JSON path and what is wrong.</summary>
public sealed record DocumentError(string File, string Path, string Problem)
{
    public override string ToString() => Path.Length == 0 ? $"{File}: {Problem}" : $"{File}: {Path}: {Problem}";
}
