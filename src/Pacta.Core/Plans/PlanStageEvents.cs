using System.Globalization;
using System.Text.Json.Nodes;
using Pacta.Core.Agreements;
using Pacta.Core.ForumDocuments;
using Pacta.Core.People;
using Pacta.Core.RecordStore;

namespace Pacta.Core.Plans;

/// <summary>The record events of a plan's stages (docs/record.md, "Plan stages").</summary>
public static class PlanStageEvents
{
    public const string Proposed = "plan.stage.proposed";
    public const string Approved = "plan.stage.approved";
    public const string Objected = "plan.stage.objected";
    public const string Changed = "plan.stage.changed";

    public static string ProposalSubject(int plan, int proposal) => string.Create(CultureInfo.InvariantCulture, $"{RecordSubjects.Plan(plan)}/stage/{proposal}");

    public static string VoteSubject(int plan, int proposal, string party, string? organization) =>
        $"{ProposalSubject(plan, proposal)}/vote/{party}{(organization is null ? "" : "/" + organization)}";

    public static RecordEvent ProposedEvent(JsonObject actor, StageProposal proposal) =>
        new(Proposed, actor, ProposalSubject(proposal.PlanNumber, proposal.Number), new JsonObject
        {
            ["plan"] = proposal.PlanNumber,
            ["proposal"] = proposal.Number,
            ["from"] = PublicNames.Name(proposal.From),
            ["to"] = PublicNames.Name(proposal.To),
            ["organization"] = proposal.ProposedByOrganization,
            ["reason"] = CommitmentText.Text(proposal.Reason),
        });

    public static RecordEvent VoteEvent(JsonObject actor, StageVote vote, StageProposal proposal) =>
        new(vote.Decision == VoteDecision.Approval ? Approved : Objected, actor,
            VoteSubject(vote.PlanNumber, vote.ProposalNumber, vote.PartyKey, vote.Organization), AgreementEvents.SignedVote(new JsonObject
            {
                ["plan"] = vote.PlanNumber,
                ["proposal"] = vote.ProposalNumber,
                ["from"] = PublicNames.Name(proposal.From),
                ["to"] = PublicNames.Name(proposal.To),
            }, vote.PartyKey, vote.Organization, vote.Decision, vote.Reason, vote.AppointmentId, vote.CredentialId, vote.RelyingPartyId,
                new WebAuthnAssertion(vote.AuthenticatorData, vote.ClientDataJson, vote.Signature)));

    /// <summary>The plan's whole public state in its new stage, and the proposal every party approved.</summary>
    public static RecordEvent ChangedEvent(ActionPlan plan, StageProposal proposal)
    {
        var data = ImportEvents.Plan(plan);
        data["proposal"] = proposal.Number;
        return new(Changed, AgreementEvents.ForumActor(), RecordSubjects.Plan(plan.Number), data);
    }
}
