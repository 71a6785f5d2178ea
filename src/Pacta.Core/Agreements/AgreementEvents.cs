using System.Text.Json.Nodes;
using Pacta.Core.Commitments;
using Pacta.Core.ForumDocuments;
using Pacta.Core.People;
using Pacta.Core.RecordStore;

namespace Pacta.Core.Agreements;

/// <summary>The record events of co-creation and agreement (docs/record.md, "Agreements").</summary>
public static class AgreementEvents
{
    public const string TableOpened = "working-table.opened";
    public const string VersionProposed = "commitment.version.proposed";
    public const string AmendmentProposed = "amendment.proposed";
    public const string Approved = "commitment.approved";
    public const string Objected = "commitment.objected";
    public const string Agreed = "commitment.agreed";
    public const string AmendmentAgreed = "amendment.agreed";

    /// <summary>A participant acting for their organisation (proposing a version): the role, never the person.</summary>
    public static JsonObject MemberActor(string party, string organization) =>
        new() { ["role"] = "member", ["party"] = party, ["organization"] = organization };

    public static RecordEvent TableOpenedEvent(JsonObject actor, WorkingTable table) =>
        new(TableOpened, actor, RecordSubjects.WorkingTable(table.Id), new JsonObject
        {
            ["id"] = table.Id.ToString("D"),
            ["plan"] = table.PlanNumber,
            ["theme"] = CommitmentText.Text(table.Theme),
        });

    public static RecordEvent VersionEvent(JsonObject actor, Commitment commitment, CommitmentVersion version) =>
        new(version.Kind == VersionKind.Draft ? VersionProposed : AmendmentProposed, actor, RecordSubjects.Version(commitment.Code, version.Number), new JsonObject
        {
            ["commitment"] = commitment.Code,
            ["plan"] = commitment.PlanNumber,
            ["table"] = commitment.WorkingTableId?.ToString("D"),
            ["version"] = version.Number,
            ["hash"] = version.Hash,
            ["text"] = JsonNode.Parse(version.Text),
            ["organization"] = version.ProposedByOrganization,
            ["reason"] = CommitmentText.Text(version.Reason),
            ["effect"] = CommitmentText.Text(version.Effect),
        });

    public static RecordEvent VoteEvent(JsonObject actor, Vote vote, string versionHash) =>
        new(vote.Decision == VoteDecision.Approval ? Approved : Objected, actor,
            RecordSubjects.Vote(vote.CommitmentCode, vote.VersionNumber, vote.PartyKey, vote.Organization), SignedVote(new JsonObject
            {
                ["commitment"] = vote.CommitmentCode,
                ["version"] = vote.VersionNumber,
                ["versionHash"] = versionHash,
            }, vote.PartyKey, vote.Organization, vote.Decision, vote.Reason, vote.AppointmentId, vote.CredentialId, vote.RelyingPartyId,
                new WebAuthnAssertion(vote.AuthenticatorData, vote.ClientDataJson, vote.Signature)));

    /// <summary>
    /// Adds to <paramref name="decided"/> (what the vote is on) what every signed vote carries: the voting unit, the decision and
    /// its reason, and the assertion with the appointment whose published credential checks it (EventShapes' SignedVoteMembers).
    /// </summary>
    public static JsonObject SignedVote(JsonObject decided, string party, string? organization, VoteDecision decision, string? reason,
        Guid appointment, byte[] credential, string relyingParty, WebAuthnAssertion assertion)
    {
        ArgumentNullException.ThrowIfNull(decided);
        ArgumentNullException.ThrowIfNull(assertion);
        decided["party"] = party;
        decided["organization"] = organization;
        decided["decision"] = VoteStatement.Name(decision);
        decided["reason"] = reason;
        decided["appointment"] = appointment.ToString("D");
        decided["credential"] = PublicCredential.Base64Url(credential);
        decided["relyingParty"] = relyingParty;
        decided["assertion"] = new JsonObject
        {
            ["authenticatorData"] = PublicCredential.Base64Url(assertion.AuthenticatorData),
            ["clientDataJSON"] = PublicCredential.Base64Url(assertion.ClientDataJson),
            ["signature"] = PublicCredential.Base64Url(assertion.Signature),
        };
        return decided;
    }

    /// <summary>The commitment's complete public state once <paramref name="version"/> is agreed.</summary>
    public static RecordEvent AgreedEvent(JsonObject actor, Commitment commitment, CommitmentVersion version, IReadOnlyDictionary<Guid, string> organizations)
    {
        var data = ImportEvents.Commitment(commitment, organizations);
        data["agreedVersion"] = version.Number;
        data["agreedVersionHash"] = version.Hash;
        return new(version.Kind == VersionKind.Draft ? Agreed : AmendmentAgreed, actor, RecordSubjects.Commitment(commitment.Code), data);
    }

    /// <summary>Who makes an agreement: every party, none of them alone.</summary>
    public static JsonObject ForumActor() => new() { ["role"] = "forum", ["via"] = "every-party-approved" };
}
