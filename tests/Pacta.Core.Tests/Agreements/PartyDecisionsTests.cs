using Pacta.Core.Agreements;
using Pacta.Core.Forum;

namespace Pacta.Core.Tests.Agreements;

public class PartyDecisionsTests
{
    private static readonly string[] Three = ["A", "B", "C"];
    private static readonly string[] Four = ["A", "B", "C", "D"];

    private static PartyPosition Tally(DecisionRule rule, string[] organizations, params (string Unit, VoteDecision Decision)[] votes) =>
        PartyDecisions.Tally(rule, organizations, votes);

    [Fact]
    public void SingleRepresentative_NoVote_IsPending() =>
        Assert.Equal(PartyPosition.Pending, Tally(DecisionRule.SingleRepresentative, Three));

    [Fact]
    public void SingleRepresentative_ItsApproval_IsTheParty() =>
        Assert.Equal(PartyPosition.Approved, Tally(DecisionRule.SingleRepresentative, Three, ("party", VoteDecision.Approval)));

    [Fact]
    public void SingleRepresentative_ItsObjection_IsTheParty() =>
        Assert.Equal(PartyPosition.Objected, Tally(DecisionRule.SingleRepresentative, Three, ("party", VoteDecision.Objection)));

    [Fact]
    public void SingleRepresentative_AnOrganisationsVote_DoesNotCount() =>
        Assert.Equal(PartyPosition.Pending, Tally(DecisionRule.SingleRepresentative, Three, ("A", VoteDecision.Approval)));

    [Fact]
    public void Unanimity_AllButOne_IsPending() =>
        Assert.Equal(PartyPosition.Pending, Tally(DecisionRule.Unanimity, Three, ("A", VoteDecision.Approval), ("B", VoteDecision.Approval)));

    [Fact]
    public void Unanimity_Every_IsApproved() =>
        Assert.Equal(PartyPosition.Approved, Tally(DecisionRule.Unanimity, Three, ("A", VoteDecision.Approval), ("B", VoteDecision.Approval), ("C", VoteDecision.Approval)));

    [Fact]
    public void Unanimity_OneObjection_IsObjected() =>
        Assert.Equal(PartyPosition.Objected, Tally(DecisionRule.Unanimity, Three, ("A", VoteDecision.Approval), ("B", VoteDecision.Objection)));

    [Fact]
    public void Unanimity_AVoteOfAnOrganisationOfAnotherParty_DoesNotCount() =>
        Assert.Equal(PartyPosition.Pending, Tally(DecisionRule.Unanimity, ["A"], ("Z", VoteDecision.Approval)));

    [Fact]
    public void Unanimity_WithoutOrganisations_NeverDecides() =>
        Assert.Equal(PartyPosition.Pending, Tally(DecisionRule.Unanimity, [], ("party", VoteDecision.Approval)));

    [Fact]
    public void Majority_HalfOfFour_IsPending() =>
        Assert.Equal(PartyPosition.Pending, Tally(DecisionRule.Majority, Four, ("A", VoteDecision.Approval), ("B", VoteDecision.Approval)));

    [Fact]
    public void Majority_ThreeOfFour_IsApproved() =>
        Assert.Equal(PartyPosition.Approved, Tally(DecisionRule.Majority, Four, ("A", VoteDecision.Approval), ("B", VoteDecision.Approval), ("C", VoteDecision.Approval)));

    [Fact]
    public void Majority_TwoOfThree_IsApprovedDespiteAnObjection() =>
        Assert.Equal(PartyPosition.Approved, Tally(DecisionRule.Majority, Three, ("A", VoteDecision.Objection), ("B", VoteDecision.Approval), ("C", VoteDecision.Approval)));

    [Fact]
    public void Majority_HalfObjecting_MakesAMajorityImpossible() =>
        Assert.Equal(PartyPosition.Objected, Tally(DecisionRule.Majority, Four, ("A", VoteDecision.Objection), ("B", VoteDecision.Objection)));

    [Fact]
    public void Majority_OneObjectionOfThree_IsStillPending() =>
        Assert.Equal(PartyPosition.Pending, Tally(DecisionRule.Majority, Three, ("A", VoteDecision.Objection)));

    [Fact]
    public void EveryRule_HasATally()
    {
        // The switch in Tally has no default arm for a named rule: a new rule must be given its meaning there.
        foreach (var rule in Enum.GetValues<DecisionRule>())
            Assert.Equal(PartyPosition.Pending, Tally(rule, Three));
    }
}
