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

    /// <summary>Where a co-created commitment stands; null for an imported one (Pacta does not know how it was agreed).</summary>
    public CommitmentState? State { get; internal set; }

    /// <summary>The working table a co-created commitment was drafted at.</summary>
    public Guid? WorkingTableId { get; internal set; }

    /// <summary>The version whose text the commitment holds since every party approved it; null before agreement.</summary>
    public int? AgreedVersion { get; internal set; }

    /// <summary>That version's hash (SHA-256 of its canonical text, hex).</summary>
    public string? AgreedVersionHash { get; internal set; }

    /// <summary>
    /// Makes the commitment hold <paramref name="text"/>: its fields, its supporting institutions and its milestones
    /// (matched by number, so a milestone keeps its id and what hangs from it when an amendment changes it).
    /// Only the agreement operations call this: there is no other path to a co-created commitment's text.
    /// </summary>
    internal void Hold(Agreements.CommitmentText text, IReadOnlyDictionary<string, Guid> organizationIds)
    {
        Title = text.Title;
        PolicyArea = text.PolicyArea;
        (Problem, StatusQuo, Objective) = (text.Problem, text.StatusQuo, text.Objective);
        OgpValues = [.. text.OgpValues];
        LeadOrganizationId = text.LeadInstitution is { } lead ? organizationIds[lead] : null;
        StartDate = text.StartDate is { } start ? PartialDate.FromDate(start) : null;
        EndDate = text.EndDate is { } end ? PartialDate.FromDate(end) : null;

        var supporting = text.SupportingInstitutions.Select(s => organizationIds[s]).ToList();
        foreach (var gone in SupportingInstitutions.Where(s => !supporting.Contains(s.OrganizationId)).ToList()) SupportingInstitutions.Remove(gone);
        for (var i = 0; i < supporting.Count; i++)
        {
            var existing = SupportingInstitutions.SingleOrDefault(s => s.OrganizationId == supporting[i]);
            if (existing is null) SupportingInstitutions.Add(new SupportingInstitution { CommitmentCode = Code, OrganizationId = supporting[i], Position = i });
            else existing.Position = i;
        }

        foreach (var gone in Milestones.Where(m => m.Number > text.Milestones.Count).ToList()) Milestones.Remove(gone);
        foreach (var m in text.Milestones)
        {
            var milestone = Milestones.SingleOrDefault(x => x.Number == m.Number);
            if (milestone is null)
            {
                milestone = new Milestone { CommitmentCode = Code, Number = m.Number };
                Milestones.Add(milestone);
            }
            milestone.Title = m.Title;
            milestone.ResponsibleOrganizationId = m.ResponsibleInstitution is { } r ? organizationIds[r] : null;
            milestone.StartDate = m.StartDate is { } s ? PartialDate.FromDate(s) : null;
            milestone.EndDate = m.EndDate is { } e ? PartialDate.FromDate(e) : null;
            milestone.Weight = m.Weight;
        }
    }
}

/// <summary>Where a commitment co-created in Pacta stands.</summary>
public enum CommitmentState
{
    /// <summary>Being drafted at its working table; the text shown is its latest version.</summary>
    Draft,

    /// <summary>Every party approved one version; its text changes only by an agreed amendment.</summary>
    Agreed,
}

/// <summary>How a commitment entered Pacta.</summary>
public enum CommitmentProvenance
{
    /// <summary>A historical public record: Pacta holds what was published and never claims it was agreed here.</summary>
    ImportedFromPublicSources,

    /// <summary>Drafted at a working table in Pacta and agreed here by every party, with signed approvals in the record.</summary>
    CoCreatedInPacta,
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
