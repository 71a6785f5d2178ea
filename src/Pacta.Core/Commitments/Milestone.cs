using Pacta.Core.Forum;

namespace Pacta.Core.Commitments;

/// <summary>A deliverable of a commitment (hito / línea de acción) with its responsible institution and dates.</summary>
public sealed class Milestone
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string CommitmentCode { get; init; }

    /// <summary>Order within the commitment, from 1; with the code it identifies the milestone in documents.</summary>
    public required int Number { get; init; }
    public LocalizedText Title { get; internal set; } = LocalizedText.Unknown;
    public Guid? ResponsibleOrganizationId { get; internal set; }
    public Organization? ResponsibleOrganization { get; private set; }
    public PartialDate? StartDate { get; internal set; }
    public PartialDate? EndDate { get; internal set; }

    /// <summary>Share of the commitment this milestone stands for; positive when given.</summary>
    public decimal? Weight { get; internal set; }
}
