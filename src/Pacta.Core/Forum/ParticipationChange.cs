namespace Pacta.Core.Forum;

/// <summary>
/// A dated change of a party's participation in the forum, with its grounds and its public source:
/// the civil-society withdrawal of 2017 and suspension of 2022 are the reason this history is kept.
/// </summary>
public sealed class ParticipationChange
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string PartyKey { get; init; }
    public required PartialDate Date { get; init; }
    public required ParticipationStatus Status { get; init; }

    /// <summary>The public statement or report that documents the change.</summary>
    public string? Source { get; internal set; }

    /// <summary>Codes of the grounds given (<c>surveillance-of-participants</c>, …), in the order given.</summary>
    public List<string> Grounds { get; internal set; } = [];
}

public enum ParticipationStatus
{
    Active,
    Suspended,
    Withdrawn,
}
