using Pacta.Core.Commitments;

namespace Pacta.Core.Plans;

/// <summary>A numbered OGP action plan, co-created by the forum for a period of two to four years.</summary>
public sealed class ActionPlan
{
    /// <summary>The plan's number (Mexico's 2019-2021 plan is the fourth); its public id.</summary>
    public required int Number { get; init; }
    public LocalizedText Title { get; internal set; } = LocalizedText.Unknown;
    public PartialDate? PeriodFrom { get; internal set; }
    public PartialDate? PeriodTo { get; internal set; }
    public PartialDate? ExtendedTo { get; internal set; }

    /// <summary>Null when the source does not say (imported historical plans).</summary>
    public PlanState? State { get; internal set; }

    public PartialDate? ConsultationFrom { get; internal set; }
    public PartialDate? ConsultationTo { get; internal set; }
    public int? OnlineParticipants { get; internal set; }
    public int? InPersonParticipants { get; internal set; }

    /// <summary>IRM design report: commitments relevant to OGP values, and transformative ones.</summary>
    public int? IrmRelevantToOgpValues { get; internal set; }
    public int? IrmTransformative { get; internal set; }

    /// <summary>IRM results report: commitments per "did it open government" level.</summary>
    public int? IrmEarlyResultsMarginal { get; internal set; }
    public int? IrmEarlyResultsMajor { get; internal set; }
    public int? IrmEarlyResultsOutstanding { get; internal set; }
    public int? IrmEarlyResultsNoEvidence { get; internal set; }

    /// <summary>True for the sample plan; every page that shows it or its commitments says so.</summary>
    public bool Fictional { get; internal set; }

    /// <summary>Where the plan's facts come from (the note of the document it was imported from).</summary>
    public string? Source { get; internal set; }

    public List<Commitment> Commitments { get; } = [];
}

/// <summary>The lifecycle of an action plan. Only co-creation accepts new commitments.</summary>
public enum PlanState
{
    CoCreation,
    Implementation,
    Closed,
}
