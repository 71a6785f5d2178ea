namespace Pacta.Core.Forum;

/// <summary>An organisation or public institution that belongs to one party.</summary>
public sealed class Organization
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The short name people use (<c>SFP</c>, <c>Fundar</c>); unique in the forum, it is how documents refer to it.</summary>
    public required string ShortName { get; init; }
    public LocalizedText Name { get; internal set; } = LocalizedText.Unknown;
    public required string PartyKey { get; init; }
    public Party? Party { get; private set; }
    public int Position { get; internal set; }

    /// <summary>True for the invented institutions of the sample plan; shown as fictional everywhere.</summary>
    public bool Fictional { get; internal set; }
}
