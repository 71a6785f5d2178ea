namespace Pacta.Core.Forum;

/// <summary>
/// The multi-stakeholder forum (in Mexico the Tripartite Technical Secretariat, later the Coordinating
/// Committee). One per deployment: its row always has <see cref="SingletonId"/>.
/// </summary>
public sealed class Forum
{
    public const int SingletonId = 1;

    public int Id { get; private set; } = SingletonId;
    public LocalizedText Name { get; internal set; } = LocalizedText.Unknown;
    public LocalizedText FormerName { get; internal set; } = LocalizedText.Unknown;

    /// <summary>The OGP member the forum serves (a country or a local government).</summary>
    public LocalizedText MemberName { get; internal set; } = LocalizedText.Unknown;

    /// <summary><c>national</c> or <c>local</c>, as OGP classifies members.</summary>
    public string? MemberKind { get; internal set; }
    public int? OgpMemberSince { get; internal set; }
    public bool? FoundingMember { get; internal set; }

    /// <summary>Where the forum's public facts come from (the note of the document they were imported from).</summary>
    public string? Source { get; internal set; }
}
