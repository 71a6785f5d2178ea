namespace Pacta.Core.Forum;

/// <summary>A sector of the forum that speaks with one voice: executive, guarantor, civil society.</summary>
public sealed class Party
{
    /// <summary>Stable public id, e.g. <c>civil-society</c>.</summary>
    public required string Key { get; init; }
    public LocalizedText Name { get; internal set; } = LocalizedText.Unknown;
    public DecisionRule DecisionRule { get; internal set; }

    /// <summary>Order of appearance in the forum, as its members list it.</summary>
    public int Position { get; internal set; }

    public List<Organization> Organizations { get; } = [];
    public List<ParticipationChange> ParticipationHistory { get; } = [];
}

/// <summary>How a party reaches its own position before it speaks in the forum.</summary>
public enum DecisionRule
{
    /// <summary>One representative decides for the party (a ministry, the guarantor body).</summary>
    SingleRepresentative,
    /// <summary>Every organisation of the party must agree (Mexico's civil-society core group).</summary>
    Unanimity,
    /// <summary>More than half of the party's organisations must agree.</summary>
    Majority,
}
