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
            RecordSubjects.Vote(vote.CommitmentCode, vote.VersionNumber, vote.PartyKey, vote.Organization), new JsonObject
            {
                ["commitment"] = vote.CommitmentCode,
                ["version"] = vote.VersionNumber,
                ["versionHash"] = versionHash,
                ["party"] = vote.PartyKey,
                ["organization"] = vote.Organization,
                ["decision"] = VoteStatement.Name(vote.Decision),
                ["reason"] = vote.Reason,
                ["appointment"] = vote.AppointmentId.ToString("D"),
                ["credential"] = PublicCredential.Base64Url(vote.CredentialId),
                ["relyingParty"] = vote.RelyingPartyId,
                ["assertion"] = new JsonObject
                {
                    ["authenticatorData"] = PublicCredential.Base64Url(vote.AuthenticatorData),
                    ["clientDataJSON"] = PublicCredential.Base64Url(vote.ClientDataJson),
                    ["signature"] = PublicCredential.Base64Url(vote.Signature),
                },
            });

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
