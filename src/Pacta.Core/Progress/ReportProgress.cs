using Microsoft.EntityFrameworkCore;
using Pacta.Core.Commitments;
using Pacta.Core.Data;
using Pacta.Core.People;
using Pacta.Core.Plans;
using Pacta.Core.RecordStore;

namespace Pacta.Core.Progress;

/// <summary>A file of evidence as uploaded, already kept by <see cref="EvidenceFiles"/>.</summary>
public sealed record EvidenceFile(string Sha256, string? Name, string MediaType, long Size);

/// <summary>What Pacta fetched from a link when the report was made (<see cref="LinkFetcher"/>): the SHA-256 (hex) and size of the body, and the type it was recognised as, if any.</summary>
public sealed record FetchedLink(string Sha256, long Size, string? MediaType);

/// <summary>A link of evidence, with what was fetched from it when fetching is on and it succeeded.</summary>
public sealed record EvidenceLink(string Url, FetchedLink? Fetched = null);

/// <summary>What a member reports on a milestone.</summary>
public sealed record ProgressInput(string Code, int Milestone, Completion Completion, LocalizedText Narrative, IReadOnlyList<EvidenceFile> Files, IReadOnlyList<EvidenceLink> Links);

/// <summary>Stores a progress report on a milestone and publishes it (<c>progress.reported</c>).</summary>
/// <remarks>
/// By a participant of an institution of the commitment: the milestone's responsible institution, or the
/// commitment's lead or supporting ones. Refused on a draft (nothing agreed to report on), on a closed plan, without a
/// narrative, with more than ten pieces of evidence, or a link that is not http(s). Files are checked by their
/// content before they reach this operation (<see cref="EvidenceTypes"/>); a link's content hash is stored only as
/// <see cref="LinkFetcher"/> computed it, never one that was not. Reports are never changed: a correction is
/// a new report, and the newest one counts for the milestone's status.
/// </remarks>
public sealed class ReportProgress(RecordWriter writer, TimeProvider time)
{
    public const int MaxNarrative = 8000;
    public const int MaxEvidence = 10;
    public const int MaxUrl = 2000;

    public async Task<OperationResult<Guid>> ExecuteAsync(ProgressInput input, Guid memberId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var written = await writer.WriteAsync(async (db, batch, ct) =>
        {
            var (refusal, reporter) = await CheckAsync(db, input, memberId, ct);
            if (refusal is not null) return refusal;
            var report = new ProgressReport
            {
                CommitmentCode = input.Code,
                MilestoneNumber = input.Milestone,
                Completion = input.Completion,
                Narrative = input.Narrative,
                ReportedAt = Agreements.AgreementRules.Now(time),
                ReportedBy = memberId,
                Organization = reporter!.Organization,
                PartyKey = reporter.PartyKey,
            };
            var position = 0;
            foreach (var file in input.Files)
                report.Evidence.Add(new Evidence { ReportId = report.Id, Position = position++, Kind = EvidenceKind.File, Sha256 = file.Sha256, FileName = file.Name, MediaType = file.MediaType, Size = file.Size });
            foreach (var link in input.Links)
            {
                report.Evidence.Add(new Evidence
                {
                    ReportId = report.Id,
                    Position = position++,
                    Kind = EvidenceKind.Link,
                    Url = link.Url,
                    Sha256 = link.Fetched?.Sha256,
                    MediaType = link.Fetched?.MediaType,
                    Size = link.Fetched?.Size,
                });
            }
            db.ProgressReports.Add(report);
            batch.Add(ProgressEvents.ReportedEvent(report));
            return OperationResult.Ok(report.Id);
        }, cancellationToken);
        return written.Value;
    }

    /// <summary>
    /// What <see cref="ExecuteAsync"/> would refuse now, or null: the page asks before it fetches a report's links, so
    /// that a report that will be refused makes no request.
    /// </summary>
    public static async Task<Refusal?> RefusalAsync(PactaDbContext db, ProgressInput input, Guid memberId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        return (await CheckAsync(db, input, memberId, cancellationToken)).Refusal;
    }

    private sealed record Reporter(string Organization, string PartyKey);

    private static async Task<(Refusal? Refusal, Reporter? Reporter)> CheckAsync(PactaDbContext db, ProgressInput input, Guid memberId, CancellationToken ct)
    {
        if (input.Narrative.IsUnknown) return (new Refusal("narrative", "Required", "narrative: say what was done, in Spanish or English"), null);
        if ((input.Narrative.Es?.Length ?? 0) > MaxNarrative || (input.Narrative.En?.Length ?? 0) > MaxNarrative)
            return (new Refusal("narrative", "TooLong", $"narrative: at most {MaxNarrative} characters in each language"), null);
        if (input.Files.Count + input.Links.Count > MaxEvidence) return (new Refusal("evidence", "TooMany", $"evidence: at most {MaxEvidence} files and links together"), null);
        for (var i = 0; i < input.Links.Count; i++)
        {
            var link = input.Links[i];
            if (!IsLink(link.Url))
                return (new Refusal($"links[{i}]", "NotALink", $"links[{i}]: \"{Shorten(link.Url)}\" is not an http or https address"), null);
            if (link.Fetched is { } fetched && (!EvidenceFiles.IsHash(fetched.Sha256) || fetched.Size < 0 || fetched.MediaType?.Length > 200))
                throw new ArgumentException($"links[{i}]: what was fetched is not a lower-case SHA-256, a size and a media type", nameof(input));
        }

        var commitment = await db.Commitments.AsNoTracking().Include(c => c.Plan).Include(c => c.SupportingInstitutions)
            .SingleOrDefaultAsync(c => c.Code == input.Code, ct);
        if (commitment is null) return (new Refusal("code", "UnknownCommitment", $"code: there is no commitment {input.Code}"), null);
        if (commitment.State == CommitmentState.Draft) return (new Refusal("code", "DraftHasNoProgress", $"code: {input.Code} is a draft; progress is reported once every party agreed it"), null);
        if (commitment.Plan!.State == PlanState.Closed) return (new Refusal("code", "Closed", $"code: plan {commitment.PlanNumber} is closed"), null);
        var milestone = await db.Milestones.AsNoTracking().SingleOrDefaultAsync(m => m.CommitmentCode == input.Code && m.Number == input.Milestone, ct);
        if (milestone is null) return (new Refusal("milestone", "UnknownMilestone", $"milestone: {input.Code} has no milestone {input.Milestone}"), null);

        var member = await db.Users.AsNoTracking().Where(m => m.Id == memberId && m.Kind == AccountKind.Participant && m.Organization != null)
            .Select(m => new { m.OrganizationId, Organization = m.Organization!.ShortName, m.Organization.PartyKey }).SingleOrDefaultAsync(ct);
        var institutions = new List<Guid?> { milestone.ResponsibleOrganizationId, commitment.LeadOrganizationId };
        institutions.AddRange(commitment.SupportingInstitutions.Select(s => (Guid?)s.OrganizationId));
        if (member is null || !institutions.Contains(member.OrganizationId))
            return (new Refusal("member", "NotAnInstitutionOfIt", "only members of the milestone's responsible institution or of the commitment's institutions report its progress"), null);
        return (null, new Reporter(member.Organization, member.PartyKey));
    }

    /// <summary>An absolute http or https address of at most <see cref="MaxUrl"/> characters, without user information.</summary>
    public static bool IsLink(string? text) =>
        text is { Length: <= MaxUrl } && Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.UserInfo.Length == 0;

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;
}

/// <summary>Disputes another party's progress report, with reasons (<c>progress.disputed</c>).</summary>
/// <remarks>By a participant of a party other than the report's; one dispute per organisation and report; a reason is required.</remarks>
public sealed class DisputeReport(RecordWriter writer, TimeProvider time)
{
    public const int MaxReason = 4000;

    public async Task<OperationResult<Guid>> ExecuteAsync(Guid reportId, string reason, Guid memberId, CancellationToken cancellationToken = default)
    {
        var written = await writer.WriteAsync(async (db, batch, ct) =>
        {
            reason = reason?.Trim() ?? "";
            if (reason.Length == 0) return new Refusal("reason", "Required", "reason: say why the report is disputed");
            if (reason.Length > MaxReason) return new Refusal("reason", "TooLong", $"reason: at most {MaxReason} characters");
            var report = await db.ProgressReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId, ct);
            if (report is null) return new Refusal("report", "UnknownReport", "report: there is no such progress report");
            var member = await db.Users.AsNoTracking().Where(m => m.Id == memberId && m.Kind == AccountKind.Participant && m.Organization != null)
                .Select(m => new { Organization = m.Organization!.ShortName, m.Organization.PartyKey }).SingleOrDefaultAsync(ct);
            if (member is null) return new Refusal("member", "NotAParticipant", "only a participant of an organisation disputes a report");
            if (member.PartyKey == report.PartyKey) return new Refusal("report", "OwnParty", "report: it is your own party's report; another party disputes it");
            if (await db.ProgressDisputes.AnyAsync(d => d.ReportId == reportId && d.Organization == member.Organization, ct))
                return new Refusal("report", "AlreadyDisputed", "report: your organisation already disputed this report");
            var dispute = new ProgressDispute
            {
                ReportId = reportId,
                PartyKey = member.PartyKey,
                Organization = member.Organization,
                Reason = reason,
                At = Agreements.AgreementRules.Now(time),
                DisputedBy = memberId,
            };
            db.ProgressDisputes.Add(dispute);
            batch.Add(ProgressEvents.DisputeEvent(dispute, member.PartyKey, member.Organization));
            return OperationResult.Ok(dispute.Id);
        }, cancellationToken);
        return written.Value;
    }
}

/// <summary>Answers a dispute of a report, for the reporting organisation (<c>progress.dispute.answered</c>).</summary>
/// <remarks>By a participant of the organisation that reported; once.</remarks>
public sealed class AnswerDispute(RecordWriter writer, TimeProvider time)
{
    public async Task<OperationResult<Guid>> ExecuteAsync(Guid disputeId, string answer, Guid memberId, CancellationToken cancellationToken = default)
    {
        var written = await writer.WriteAsync(async (db, batch, ct) =>
        {
            answer = answer?.Trim() ?? "";
            if (answer.Length == 0) return new Refusal("answer", "Required", "answer: write the answer");
            if (answer.Length > DisputeReport.MaxReason) return new Refusal("answer", "TooLong", $"answer: at most {DisputeReport.MaxReason} characters");
            var dispute = await db.ProgressDisputes.SingleOrDefaultAsync(d => d.Id == disputeId, ct);
            if (dispute is null) return new Refusal("dispute", "UnknownDispute", "dispute: there is no such dispute");
            var report = await db.ProgressReports.AsNoTracking().SingleAsync(r => r.Id == dispute.ReportId, ct);
            var member = await db.Users.AsNoTracking().Where(m => m.Id == memberId && m.Organization != null)
                .Select(m => new { Organization = m.Organization!.ShortName, m.Organization.PartyKey }).SingleOrDefaultAsync(ct);
            if (member is null || member.Organization != report.Organization)
                return new Refusal("dispute", "NotTheReporter", "only the organisation that reported answers a dispute of its report");
            if (dispute.Answer is not null) return new Refusal("dispute", "AlreadyAnswered", "dispute: it is already answered");
            dispute.Answer = answer;
            dispute.AnsweredByOrganization = member.Organization;
            dispute.AnsweredBy = memberId;
            dispute.AnsweredAt = Agreements.AgreementRules.Now(time);
            batch.Add(ProgressEvents.DisputeEvent(dispute, member.PartyKey, member.Organization));
            return OperationResult.Ok(dispute.Id);
        }, cancellationToken);
        return written.Value;
    }
}
