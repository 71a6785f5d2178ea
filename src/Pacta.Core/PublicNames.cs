using Pacta.Core.Commitments;
using Pacta.Core.Forum;
using Pacta.Core.Plans;

namespace Pacta.Core;

/// <summary>
/// The one place where domain values get their public names (<c>single-representative</c>,
/// <c>withdrawn</c>, <c>co-creation</c>): forum documents, record events and open data all promise
/// the same names, so they must never drift apart.
/// </summary>
public static class PublicNames
{
    // CS8524 asks for a case for unnamed enum values like (DecisionRule)3. None can be read: the
    // database stores enums by name. Without a discard arm, CS8509 still fails the build when a
    // named value is added to the domain without a public name, which is the point.
#pragma warning disable CS8524
    public static string Name(DecisionRule rule) => rule switch
    {
        DecisionRule.SingleRepresentative => "single-representative",
        DecisionRule.Unanimity => "unanimity",
        DecisionRule.Majority => "majority",
    };

    public static string Name(ParticipationStatus status) => status switch
    {
        ParticipationStatus.Active => "active",
        ParticipationStatus.Suspended => "suspended",
        ParticipationStatus.Withdrawn => "withdrawn",
    };

    public static string Name(PlanState state) => state switch
    {
        PlanState.CoCreation => "co-creation",
        PlanState.Implementation => "implementation",
        PlanState.Closed => "closed",
    };

    public static string Name(StageOutcome outcome) => outcome switch
    {
        StageOutcome.Agreed => "agreed",
        StageOutcome.Objected => "objected",
    };

    public static string Name(CommitmentProvenance provenance) => provenance switch
    {
        CommitmentProvenance.ImportedFromPublicSources => "imported-from-public-sources",
        CommitmentProvenance.CoCreatedInPacta => "co-created-in-pacta",
    };

    public static string Name(Agreements.VersionKind kind) => kind switch
    {
        Agreements.VersionKind.Draft => "draft",
        Agreements.VersionKind.Amendment => "amendment",
    };

    public static string Name(Agreements.PartyPosition position) => position switch
    {
        Agreements.PartyPosition.Pending => "pending",
        Agreements.PartyPosition.Approved => "approved",
        Agreements.PartyPosition.Objected => "objected",
    };

    /// <summary>OGP's completion levels as IRM reports write them.</summary>
    public static string Name(Progress.Completion completion) => completion switch
    {
        Progress.Completion.NotStarted => "not-started",
        Progress.Completion.Limited => "limited",
        Progress.Completion.Substantial => "substantial",
        Progress.Completion.Complete => "complete",
    };

    public static string Name(Progress.ProgressStatus status) => status switch
    {
        Progress.ProgressStatus.Complete => "complete",
        Progress.ProgressStatus.Overdue => "overdue",
        Progress.ProgressStatus.Stalled => "stalled",
        Progress.ProgressStatus.AtRisk => "at-risk",
        Progress.ProgressStatus.OnTrack => "on-track",
        Progress.ProgressStatus.NotDue => "not-due",
    };

    public static string Name(CommitmentState state) => state switch
    {
        CommitmentState.Draft => "draft",
        CommitmentState.Agreed => "agreed",
    };
#pragma warning restore CS8524

    /// <summary>Every value of an enum by its public name, for readers of documents and queries.</summary>
    public static IReadOnlyDictionary<string, TEnum> All<TEnum>(Func<TEnum, string> name) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().ToDictionary(name, StringComparer.Ordinal);
}
