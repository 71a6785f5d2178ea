namespace Pacta.Core.PrivateSpaces;

/// <summary>
/// A party's data key, wrapped by the key ring outside the database (<see cref="IPartyKeyProtector"/>).
/// The only copy: losing the key ring loses the party's space (docs/operator.md).
/// </summary>
public sealed class PartySpaceKey
{
    public required string PartyKey { get; init; }
    public required byte[] WrappedKey { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

public enum SpaceThreadKind
{
    Discussion,

    /// <summary>An incident report (glossary: Incidente de espacio cívico): its details stay here; only what the party publishes is public.</summary>
    Incident,
}

/// <summary>A thread of a party's private space. Its title is sealed; who started it and when are not (see docs/security.md).</summary>
public sealed class SpaceThread
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string PartyKey { get; init; }
    public required SpaceThreadKind Kind { get; init; }
    public required byte[] SealedTitle { get; set; }
    public Guid? AuthorId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset LastActivityAt { get; set; }
}

/// <summary>A comment in a thread: Markdown, sealed.</summary>
public sealed class SpaceComment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid ThreadId { get; init; }
    public Guid? AuthorId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required byte[] SealedBody { get; init; }
}

/// <summary>A file in a party's private space: its name and content sealed; its size and time are not.</summary>
public sealed class SpaceDocument
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string PartyKey { get; init; }
    public Guid? UploadedBy { get; init; }
    public required DateTimeOffset UploadedAt { get; init; }

    /// <summary>The plaintext's length in bytes (the sealed value is longer by <see cref="SpaceSealer.Overhead"/>).</summary>
    public required long Size { get; init; }

    public required byte[] SealedName { get; init; }
    public required byte[] SealedContent { get; init; }
}

/// <summary>
/// An incident reported to a party: the thread that holds its details, and its category and date, sealed
/// together. Published or not, these stay private; publishing makes a <see cref="PublishedIncident"/>.
/// </summary>
public sealed class IncidentReport
{
    /// <summary>The id of its <see cref="SpaceThread"/> (of kind <see cref="SpaceThreadKind.Incident"/>).</summary>
    public required Guid Id { get; init; }

    public required string PartyKey { get; init; }
    public required byte[] SealedFacts { get; init; }
}

/// <summary>
/// An incident a party chose to make public: the summary its representative wrote, the category and the
/// month. Never the details, never a name. Set down in the record as <c>incident.published</c>.
/// </summary>
public sealed class PublishedIncident
{
    /// <summary>The public id (random, not the report's: nothing public points into the private space).</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    public required Guid ReportId { get; init; }
    public required string PartyKey { get; init; }
    public required IncidentCategory Category { get; init; }

    /// <summary><c>yyyy-MM</c>.</summary>
    public required string Month { get; init; }

    public string? SummaryEs { get; init; }
    public string? SummaryEn { get; init; }
    public required DateTimeOffset PublishedAt { get; init; }
}

public enum IncidentCategory
{
    Surveillance,
    Threat,
    Harassment,
    Other,
}

/// <summary>The names of sealed fields: part of each value's associated data, so never renamed.</summary>
public static class SpaceFields
{
    public const string ThreadTitle = "thread.title";
    public const string CommentBody = "comment.body";
    public const string DocumentName = "document.name";
    public const string DocumentContent = "document.content";
    public const string IncidentFacts = "incident.facts";
}

/// <summary>What a member may write; forms check these first and say which field is wrong.</summary>
public static class SpaceLimits
{
    public const int TitleMaxLength = 200;
    public const int CommentMaxLength = 20_000;
    public const int DocumentNameMaxLength = 200;
    public const long DocumentMaxBytes = 10 * 1024 * 1024;
    public const int SummaryMaxLength = 1_000;
}
