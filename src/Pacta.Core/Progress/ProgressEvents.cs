using System.Text.Json.Nodes;
using Pacta.Core.Agreements;
using Pacta.Core.RecordStore;

namespace Pacta.Core.Progress;

/// <summary>The record events of implementation: <c>progress.reported</c>, <c>progress.disputed</c>, <c>progress.dispute.answered</c> (docs/record.md).</summary>
public static class ProgressEvents
{
    public const string Reported = "progress.reported";
    public const string Disputed = "progress.disputed";
    public const string Answered = "progress.dispute.answered";

    public static string ReportSubject(Guid id) => $"progress/{id:D}";

    public static string DisputeSubject(Guid id) => $"dispute/{id:D}";

    public static RecordEvent ReportedEvent(ProgressReport report) =>
        new(Reported, AgreementEvents.MemberActor(report.PartyKey, report.Organization), ReportSubject(report.Id), new JsonObject
        {
            ["id"] = report.Id.ToString("D"),
            ["commitment"] = report.CommitmentCode,
            ["milestone"] = report.MilestoneNumber,
            ["completion"] = PublicNames.Name(report.Completion),
            ["narrative"] = CommitmentText.Text(report.Narrative),
            ["party"] = report.PartyKey,
            ["organization"] = report.Organization,
            ["evidence"] = new JsonArray([.. report.Evidence.OrderBy(e => e.Position).Select(e => (JsonNode?)new JsonObject
            {
                ["kind"] = e.Kind == EvidenceKind.File ? "file" : "link",
                ["sha256"] = e.Sha256,
                ["name"] = e.FileName,
                ["mediaType"] = e.MediaType,
                ["size"] = e.Size,
                ["url"] = e.Url,
            })]),
        });

    /// <summary>A dispute's complete state: <c>progress.disputed</c> when raised, <c>progress.dispute.answered</c> once answered.</summary>
    public static RecordEvent DisputeEvent(ProgressDispute dispute, string actorParty, string actorOrganization) =>
        new(dispute.Answer is null ? Disputed : Answered, AgreementEvents.MemberActor(actorParty, actorOrganization), DisputeSubject(dispute.Id), new JsonObject
        {
            ["id"] = dispute.Id.ToString("D"),
            ["report"] = dispute.ReportId.ToString("D"),
            ["party"] = dispute.PartyKey,
            ["organization"] = dispute.Organization,
            ["reason"] = dispute.Reason,
            ["answer"] = dispute.Answer,
            ["answeredBy"] = dispute.AnsweredByOrganization,
        });
}
