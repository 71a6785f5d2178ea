using System.Text;
using Pacta.Core.Agreements;
using Pacta.Core.People;
using Pacta.Core.Plans;
using Pacta.Core.RecordStore;
using Pacta.Core.Verification.Replay;
using Pacta.Testing;
using static Pacta.Core.Tests.Verification.Replay.ReplayEvents;

namespace Pacta.Core.Tests.Plans;

/// <summary>
/// A plan's stages: the order they move in, the statement a representative signs, and the replay's checks of stage
/// proposals, signed stage votes and stage changes (docs/adr/0005-plan-stages.md).
/// </summary>
public sealed class PlanStageTests : IDisposable
{
    private readonly TestAuthenticator _executive = new();
    private readonly TestAuthenticator _fundar = new();
    private readonly Guid _executiveAppointment = Guid.CreateVersion7();
    private readonly Guid _fundarAppointment = Guid.CreateVersion7();
    private readonly List<byte[]> _entries = [];

    public PlanStageTests()
    {
        var plan = Plan(99);
        plan.Data["state"] = "co-creation";
        _entries.AddRange([
            Encode(ForumEvent()),
            Encode(Party("executive", decisionRule: "single-representative")),
            Encode(Party("civil-society")),
            Encode(Organization("SFP", "executive")),
            Encode(Organization("Fundar", "civil-society")),
            Encode(plan),
            Encode(Appointed(_executiveAppointment, "executive", null, _executive)),
            Encode(Appointed(_fundarAppointment, "civil-society", "Fundar", _fundar)),
        ]);
    }

    public void Dispose()
    {
        _executive.Dispose();
        _fundar.Dispose();
    }

    [Theory]
    [InlineData(PlanState.CoCreation, PlanState.Implementation)]
    [InlineData(PlanState.Implementation, PlanState.Closed)]
    [InlineData(PlanState.Closed, null)]
    public void Next_MovesForwardOneStage_AndAClosedPlanStaysClosed(PlanState from, PlanState? next) => Assert.Equal(next, PlanStages.Next(from));

    [Fact]
    public void Next_OfEveryStage_IsDefined() =>
        Assert.All(Enum.GetValues<PlanState>(), state => Assert.NotEqual(state, PlanStages.Next(state)));

    [Fact]
    public void Statement_IsCanonicalJson_AndItsChallengeIsItsSha256()
    {
        var statement = new StageStatement(99, 1, PlanState.CoCreation, PlanState.Implementation, "civil-society", "Fundar", VoteDecision.Objection);

        Assert.Equal("""{"decision":"object","from":"co-creation","organization":"Fundar","party":"civil-society","plan":99,"proposal":1,"to":"implementation","type":"pacta.plan-stage.v1"}""",
            Encoding.UTF8.GetString(statement.Canonical()));
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(statement.Canonical()), statement.Challenge());
    }

    [Fact]
    public void Replay_AStageChangeEveryPartyApproved_HasNoProblem_AndMovesThePlan()
    {
        var replay = Replay(Proposed(1), Vote(_executive, _executiveAppointment, "executive", null), Vote(_fundar, _fundarAppointment, "civil-society", "Fundar"), Changed(1));

        Assert.Empty(replay.Problems);
        Assert.Contains("\"state\":\"implementation\"", Encoding.UTF8.GetString(replay.State.Entities["plan/99"].Data.Span), StringComparison.Ordinal);
        Assert.Equal(EntityKind.StageVote, replay.State.Entities["plan/99/stage/1/vote/civil-society/Fundar"].Kind);
    }

    [Fact]
    public void Replay_AStageChangeWithoutEveryParty_IsNamed()
    {
        var replay = Replay(Proposed(1), Vote(_executive, _executiveAppointment, "executive", null), Changed(1));

        var problem = Assert.Single(replay.Problems);
        Assert.Equal(10, problem.Index);
        Assert.Equal("plan.stage.changed of plan 99 by proposal 1: not every party approved it with a valid signed vote: civil-society (pending)", problem.Message);
    }

    [Fact]
    public void Replay_AStageVoteSignedWithAnotherKey_IsNamed()
    {
        using var operatorKey = new TestAuthenticator();
        var replay = Replay(Proposed(1), Vote(_fundar, _fundarAppointment, "civil-society", "Fundar", signer: operatorKey));

        Assert.Equal("plan.stage.approved of proposal 1 of plan 99 for civil-society/Fundar: the signature does not hold: the signature does not verify with the credential's public key",
            Assert.Single(replay.Problems).Message);
    }

    [Fact]
    public void Replay_AnObjection_DecidesTheProposal_SoAChangeAfterItIsNamed()
    {
        var replay = Replay(Proposed(1), Vote(_fundar, _fundarAppointment, "civil-society", "Fundar", VoteDecision.Objection),
            Vote(_executive, _executiveAppointment, "executive", null), Changed(1));

        Assert.Contains(replay.Problems, p => p.Message == "plan.stage.approved of proposal 1 of plan 99 for executive: a vote on a proposal already decided");
        Assert.Contains(replay.Problems, p => p.Message == "plan.stage.changed of plan 99 by proposal 1: the proposal was already decided");
    }

    [Fact]
    public void Replay_AProposalThatSkipsAStage_OrComesOutOfOrder_IsNamed()
    {
        var replay = Replay(Proposed(2, PlanState.Implementation, PlanState.Closed));

        Assert.Contains(replay.Problems, p => p.Message == "plan.stage.proposed 2 of plan 99: a plan's proposals are numbered in order; this should be proposal 1");
        Assert.Contains(replay.Problems, p => p.Message == "plan.stage.proposed 2 of plan 99: it moves the plan from implementation, but the plan is in co-creation");
    }

    [Fact]
    public void Replay_AStageChangeThatRewritesThePlan_OrAnImportThatMovesItBack_IsNamed()
    {
        var rewritten = Changed(1);
        rewritten.Data["title"] = Text("Otro plan");
        var importedBack = Plan(99);
        importedBack.Data["state"] = "co-creation";
        var replay = Replay(Proposed(1), Vote(_executive, _executiveAppointment, "executive", null), Vote(_fundar, _fundarAppointment, "civil-society", "Fundar"),
            rewritten, importedBack);

        Assert.Equal(
            [
                "plan.stage.changed of plan 99 by proposal 1: its title is not the plan's as recorded before; a stage change moves the stage only",
                "plan.imported of plan/99 moves its stage from implementation to co-creation; the forum decides a plan's stage in Pacta, by a proposal every party approves",
            ],
            replay.Problems.Select(p => p.Message));
    }

    private static RecordEvent Appointed(Guid appointment, string party, string? organization, TestAuthenticator key) =>
        RepresentativeEvents.AppointedEvent(RepresentativeEvents.Actor(party, organization),
            new PublicRepresentative(appointment, party, organization, Time, [PublicCredential.From(key.CredentialId, key.PublicKey)]));

    private static StageProposal ProposalOf(int number, PlanState from = PlanState.CoCreation, PlanState to = PlanState.Implementation) => new()
    {
        PlanNumber = 99, Number = number, From = from, To = to, Reason = new LocalizedText("Listo", null),
        ProposedByOrganization = "SFP", ProposedBy = Guid.Empty, ProposedAt = Time,
    };

    private static RecordEvent Proposed(int number, PlanState from = PlanState.CoCreation, PlanState to = PlanState.Implementation) =>
        PlanStageEvents.ProposedEvent(RepresentativeEvents.Actor("executive", null), ProposalOf(number, from, to));

    private static RecordEvent Vote(TestAuthenticator key, Guid appointment, string party, string? organization, VoteDecision decision = VoteDecision.Approval,
        TestAuthenticator? signer = null)
    {
        var statement = new StageStatement(99, 1, PlanState.CoCreation, PlanState.Implementation, party, organization, decision);
        var assertion = (signer ?? key).Assert(statement.Challenge());
        var vote = new StageVote
        {
            PlanNumber = 99, ProposalNumber = 1, PartyKey = party, Organization = organization, Decision = decision,
            Reason = decision == VoteDecision.Objection ? "Faltan compromisos" : null, AppointmentId = appointment, MemberId = Guid.Empty,
            CredentialId = key.CredentialId, RelyingPartyId = "localhost",
            AuthenticatorData = assertion.AuthenticatorData, ClientDataJson = assertion.ClientDataJson, Signature = assertion.Signature, At = Time,
        };
        return PlanStageEvents.VoteEvent(RepresentativeEvents.Actor(party, organization), vote, ProposalOf(1));
    }

    /// <summary>The plan as <see cref="ReplayEvents.Plan"/> makes it, moved to implementation by proposal <paramref name="number"/>.</summary>
    private static RecordEvent Changed(int number)
    {
        var data = Plan(99).Data;
        data["state"] = "implementation";
        data["proposal"] = number;
        return new RecordEvent(PlanStageEvents.Changed, AgreementEvents.ForumActor(), "plan/99", data);
    }

    private PublicStateReplay Replay(params RecordEvent[] more)
    {
        var replay = new PublicStateReplay();
        foreach (var entry in _entries.Concat(more.Select(Encode))) replay.Apply(replay.Count, entry);
        return replay;
    }
}
