using Pacta.Core.Forum;

namespace Pacta.Core.Agreements;

/// <summary>Where a party stands on one version, by its DecisionRule.</summary>
public enum PartyPosition
{
    /// <summary>Not decided yet: silence is never consent.</summary>
    Pending,
    Approved,
    Objected,
}

/// <summary>How a party's votes on one version make its position (docs/adr/0004-agreements.md).</summary>
public static class PartyDecisions
{
    /// <summary>
    /// The party's position. <paramref name="organizations"/> are the party's organisations (short names), the
    /// voting units under unanimity and majority; a single-representative party votes as one
    /// (<see cref="VoteStatement.WholeParty"/>). Votes of units that are not the party's are ignored.
    /// </summary>
    /// <remarks>
    /// Single representative: the representative's vote. Unanimity: approved when every organisation approved,
    /// objected as soon as one objects. Majority: approved when more than half approved; objected when the
    /// organisations that have not objected can no longer make more than half. A party with no organisation
    /// under unanimity or majority can never decide.
    /// </remarks>
    public static PartyPosition Tally(DecisionRule rule, IReadOnlyCollection<string> organizations, IEnumerable<(string Unit, VoteDecision Decision)> votes)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        ArgumentNullException.ThrowIfNull(votes);
        switch (rule)
        {
            case DecisionRule.SingleRepresentative:
                return votes.Where(v => v.Unit == VoteStatement.WholeParty).Select(v => (PartyPosition?)Position(v.Decision)).LastOrDefault() ?? PartyPosition.Pending;
            case DecisionRule.Unanimity:
            case DecisionRule.Majority:
                if (organizations.Count == 0) return PartyPosition.Pending;
                var counted = votes.Where(v => organizations.Contains(v.Unit)).GroupBy(v => v.Unit).Select(g => g.Last().Decision).ToList();
                var approvals = counted.Count(d => d == VoteDecision.Approval);
                var objections = counted.Count(d => d == VoteDecision.Objection);
                if (rule == DecisionRule.Unanimity)
                    return objections > 0 ? PartyPosition.Objected : approvals == organizations.Count ? PartyPosition.Approved : PartyPosition.Pending;
                if (approvals * 2 > organizations.Count) return PartyPosition.Approved;
                return (organizations.Count - objections) * 2 <= organizations.Count ? PartyPosition.Objected : PartyPosition.Pending;
            default:
                throw new ArgumentOutOfRangeException(nameof(rule), rule, null);
        }
    }

    /// <summary>The unit a representative votes as: the party under a single representative, else the organisation.</summary>
    public static string? Organization(DecisionRule rule, string organization) => rule == DecisionRule.SingleRepresentative ? null : organization;

    private static PartyPosition Position(VoteDecision decision) => decision == VoteDecision.Approval ? PartyPosition.Approved : PartyPosition.Objected;
}
