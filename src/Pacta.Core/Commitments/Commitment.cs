using Pacta.Core.Forum;
using Pacta.Core.Plans;

namespace Pacta.Core.Commitments;

/// <summary>
/// A commitment of an action plan, with the fields of OGP's commitment template. Fields the source
/// does not give stay null and are shown as "not recorded": nothing is filled in by guessing.
/// </summary>
public sealed class Commitment
{
    /// <summary>OGP's code (<c>MX0081</c>); the commitment's public id.</summary>
    public required string Code { get; init; }
    public required int PlanNumber { get; init; }
    public ActionPlan? Plan { get; private set; }
    public int Position { get; internal set; }

    public LocalizedText Title { get; internal set; } = LocalizedText.Unknown;

    /// <summary>OGP policy area, in OGP's English wording (<c>Civic Space</c>).</summary>
    public string? PolicyArea { get; internal set; }
    public LocalizedText Problem { get; internal set; } = LocalizedText.Unknown;
    public LocalizedText StatusQuo { get; internal set; } = LocalizedText.Unknown;
    public LocalizedText Objective { get; internal set; } = LocalizedText.Unknown;

    /// <summary>Codes of <see cref="OgpValues"/>; null when the source does not say.</summary>
    public List<string>? OgpValues { get; internal set; }

    public Guid? LeadOrganizationId { get; internal set; }
    public Organization? LeadOrganization { get; private set; }
    public List<SupportingInstitution> SupportingInstitutions { get; } = [];

    public PartialDate? StartDate { get; internal set; }
    public PartialDate? EndDate { get; internal set; }
    public PartialDate? ShortTermDeadline { get; internal set; }

    /// <summary>IRM verifiability: true "verifiable", false "not verifiable", null not assessed.</summary>
    public bool? Verifiable { get; internal set; }

    public CommitmentProvenance Provenance { get; internal set; }

    public List<Milestone> Milestones { get; } = [];
}

/// <summary>How a commitment entered Pacta.</summary>
public enum CommitmentProvenance
{
    /// <summary>A historical public record: Pacta holds what was published and never claims it was agreed here.</summary>
    ImportedFromPublicSources,
}

/// <summary>An institution supporting a commitment, in the order the template lists them.</summary>
public sealed class SupportingInstitution
{
    public required string CommitmentCode { get; init; }
    public required Guid OrganizationId { get; init; }
    public Organization? Organization { get; private set; }
    public int Position { get; internal set; }
}

/// <summary>OGP's four values, the vocabulary of the commitment template.</summary>
public static class OgpValues
{
    public const string AccessToInformation = "access-to-information";
    public const string CivicParticipation = "civic-participation";
    public const string PublicAccountability = "public-accountability";
    public const string TechnologyAndInnovation = "technology-and-innovation";

    public static readonly IReadOnlyList<string> All =
        [AccessToInformation, CivicParticipation, PublicAccountability, TechnologyAndInnovation];
}
