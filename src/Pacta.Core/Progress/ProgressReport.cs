namespace Pacta.Core.Progress;

/// <summary>OGP's completion levels for a milestone or commitment, as a progress report claims them.</summary>
public enum Completion
{
    NotStarted,
    Limited,
    Substantial,
    Complete,
}

/// <summary>
/// Progress claimed on one milestone (glossary: Reporte de avance): its OGP completion level, a narrative and its
/// evidence, by a member of an organisation (the record names the organisation, never the person). Never changed once
/// stored: a correction is a new report, and another party may dispute it.
/// </summary>
public sealed class ProgressReport
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string CommitmentCode { get; init; }
    public required int MilestoneNumber { get; init; }
    public required Completion Completion { get; init; }
    public required LocalizedText Narrative { get; init; }
    public required DateTimeOffset ReportedAt { get; init; }

    /// <summary>The member who reported; private.</summary>
    public required Guid ReportedBy { get; init; }
    public required string Organization { get; init; }
    public required string PartyKey { get; init; }

    public List<Evidence> Evidence { get; } = [];
}

/// <summary>A means of verification (glossary: Medio de verificación): a file kept content-addressed, or a link.</summary>
public sealed class Evidence
{
    public required Guid ReportId { get; init; }
    public required int Position { get; init; }
    public required EvidenceKind Kind { get; init; }

    /// <summary>SHA-256 (hex) of the file's bytes, which is also where it is kept and served; of a link, of what was fetched when fetching is on.</summary>
    public string? Sha256 { get; init; }

    /// <summary>The file's name as given, cleaned; shown, never used as a path.</summary>
    public string? FileName { get; init; }

    /// <summary>The type the content was recognised as (never the name's extension or the uploader's claim).</summary>
    public string? MediaType { get; init; }

    public long? Size { get; init; }
    public string? Url { get; init; }
}

public enum EvidenceKind
{
    File,
    Link,
}

/// <summary>Another party's objection to a progress report, with its reasons, and the reporting side's answer.</summary>
public sealed class ProgressDispute
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid ReportId { get; init; }
    public required string PartyKey { get; init; }
    public required string Organization { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset At { get; init; }

    /// <summary>The member who disputed; private.</summary>
    public required Guid DisputedBy { get; init; }

    public string? Answer { get; internal set; }
    public string? AnsweredByOrganization { get; internal set; }
    public DateTimeOffset? AnsweredAt { get; internal set; }
    public Guid? AnsweredBy { get; internal set; }
}
