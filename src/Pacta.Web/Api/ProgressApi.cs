using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pacta.Core;
using Pacta.Core.Data;
using Pacta.Core.Progress;

namespace Pacta.Web.Api;

/// <summary>Open data about implementation: every progress report of a plan, its evidence and the disputes of it, in the shapes of their record events.</summary>
internal static class ProgressApi
{
    public static void MapProgressApi(this RouteGroupBuilder api)
    {
        api.MapGet("/plans/{number}/progress", ListProgress)
            .WithName("ListPlanProgress")
            .WithTags("Progress")
            .WithSummary("Progress reports of a plan's commitments, oldest first: milestone, OGP completion level, narrative, evidence (files by SHA-256, links) and disputes with their answers.");
        api.MapGet("/plans/{number}/status", GetStatus)
            .WithName("GetPlanStatus")
            .WithTags("Progress")
            .WithSummary("The plan's dashboard as data: each commitment's computed status and completion, worst first, with each milestone's status, responsible institution and end date.");
        api.MapGet("/plans/{number}/status.csv", GetStatusCsv)
            .WithName("GetPlanStatusCsv")
            .WithTags("Progress")
            .WithSummary("The plan's dashboard as CSV, one row per milestone, columns named after OGP's and the IRM's fields where they have one.");
    }

    public static async Task<Results<Ok<List<CommitmentStatusDto>>, ValidationProblem, NotFoundProblem>> GetStatus(
        [Description("Plan number: a positive whole number, like 99.")] string number, PactaDbContext db, Pacta.Web.Progress.PlanDashboardCache cache,
        Pacta.Web.Progress.ProgressSettings settings, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!ApiValues.TryParsePlanNumber(number, out var n)) return ApiProblems.InvalidParameter("number", number, "a plan number is a positive whole number, like 4");
        var rows = await StatusAsync(db, cache, settings, time, n, cancellationToken);
        return rows is null ? ApiProblems.NotFound($"There is no action plan number {n}.") : TypedResults.Ok(rows);
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem, NotFoundProblem>> GetStatusCsv(
        [Description("Plan number: a positive whole number, like 99.")] string number, PactaDbContext db, Pacta.Web.Progress.PlanDashboardCache cache,
        Pacta.Web.Progress.ProgressSettings settings, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!ApiValues.TryParsePlanNumber(number, out var n)) return ApiProblems.InvalidParameter("number", number, "a plan number is a positive whole number, like 4");
        if (await StatusAsync(db, cache, settings, time, n, cancellationToken) is not { } rows) return ApiProblems.NotFound($"There is no action plan number {n}.");
        var csv = new Csv();
        csv.WriteRow([.. StatusCsvColumns]);
        foreach (var c in rows)
            foreach (var m in c.Milestones)
                csv.WriteRow(c.Code, n.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Title.Es, c.Title.En, c.LeadInstitution, c.Status,
                    c.CompletionPercent.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    m.Title.Es, m.Title.En, m.ResponsibleInstitution, m.EndDate, m.Status, m.Completion, c.LastReportAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return TypedResults.File(csv.ToBytes(), "text/csv; charset=utf-8", $"plan-{n}-status.csv");
    }

    /// <summary>The status CSV's columns: <c>completion</c> is OGP's level (IRM vocabulary), <c>status</c> Pacta's computed one; an empty status means Pacta does not follow the plan.</summary>
    public static readonly IReadOnlyList<string> StatusCsvColumns =
    [
        "commitment_code", "plan", "commitment_title_es", "commitment_title_en", "lead_institution", "commitment_status", "commitment_completion_percent",
        "milestone_number", "milestone_title_es", "milestone_title_en", "responsible_institution", "end_date", "milestone_status", "completion", "last_report",
    ];

    /// <summary>The plan's dashboard rows as open data; null when there is no such plan.</summary>
    private static async Task<List<CommitmentStatusDto>?> StatusAsync(PactaDbContext db, Pacta.Web.Progress.PlanDashboardCache cache, Pacta.Web.Progress.ProgressSettings settings,
        TimeProvider time, int plan, CancellationToken cancellationToken)
    {
        if (await cache.ReadAsync(db, plan, time.GetUtcNow(), settings.StalledDays, cancellationToken) is not { } view) return null;
        // A plan whose follow-up Pacta does not hold (imported, state unknown) gets no computed status: null, never a guess.
        var tracked = view.Plan.State is not null;
        return [.. view.Rows.Select(r => new CommitmentStatusDto(r.Code, new BilingualText(r.Title.Es, r.Title.En), r.Lead, tracked ? PublicNames.Name(r.Status) : null,
            r.Completion, r.LastReport,
            [.. r.Milestones.Select(m => new MilestoneStatusDto(m.Number, new BilingualText(m.Title.Es, m.Title.En), m.Responsible, m.End?.ToString(),
                tracked ? PublicNames.Name(m.Status) : null, PublicNames.Name(m.Completion)))]))];
    }

    public static async Task<Results<Ok<List<ProgressReportDto>>, ValidationProblem, NotFoundProblem>> ListProgress(
        [Description("Plan number: a positive whole number, like 99.")] string number, PactaDbContext db, CancellationToken cancellationToken)
    {
        if (!ApiValues.TryParsePlanNumber(number, out var n)) return ApiProblems.InvalidParameter("number", number, "a plan number is a positive whole number, like 4");
        if (!await db.ActionPlans.AnyAsync(p => p.Number == n, cancellationToken)) return ApiProblems.NotFound($"There is no action plan number {n}.");
        var codes = db.Commitments.Where(c => c.PlanNumber == n).Select(c => c.Code);
        var reports = await db.ProgressReports.AsNoTracking().Include(r => r.Evidence).Where(r => codes.Contains(r.CommitmentCode))
            .OrderBy(r => r.Id).AsSplitQuery().ToListAsync(cancellationToken);
        var ids = reports.Select(r => r.Id).ToList();
        var disputes = (await db.ProgressDisputes.AsNoTracking().Where(d => ids.Contains(d.ReportId)).OrderBy(d => d.Id).ToListAsync(cancellationToken)).ToLookup(d => d.ReportId);
        return TypedResults.Ok(reports.Select(r => new ProgressReportDto(
            r.Id.ToString("D"), r.CommitmentCode, r.MilestoneNumber, PublicNames.Name(r.Completion), new BilingualText(r.Narrative.Es, r.Narrative.En),
            r.PartyKey, r.Organization,
            [.. r.Evidence.OrderBy(e => e.Position).Select(e => new EvidenceDto(e.Kind == EvidenceKind.File ? "file" : "link", e.Sha256, e.FileName, e.MediaType, e.Size, e.Url))],
            r.ReportedAt,
            [.. disputes[r.Id].Select(d => new DisputeDto(d.Id.ToString("D"), d.ReportId.ToString("D"), d.PartyKey, d.Organization, d.Reason, d.Answer, d.AnsweredByOrganization, d.At, d.AnsweredAt))]))
            .ToList());
    }
}

/// <summary>A commitment on the plan's dashboard.</summary>
/// <param name="Status">Computed: on-track, at-risk, overdue, stalled, complete, not-due; null when Pacta does not follow the plan.</param>
/// <param name="CompletionPercent">Milestones' completion levels weighted by their weights, 0 to 100.</param>
/// <param name="LastReportAt">The newest progress report on any of its milestones; null when none.</param>
public sealed record CommitmentStatusDto(string Code, BilingualText Title, string? LeadInstitution, string? Status, decimal CompletionPercent,
    DateTimeOffset? LastReportAt, IReadOnlyList<MilestoneStatusDto> Milestones);

/// <param name="Completion">OGP's level from its newest report (not-started when none).</param>
public sealed record MilestoneStatusDto(int Number, BilingualText Title, string? ResponsibleInstitution, string? EndDate, string? Status, string Completion);

/// <summary>A progress report, with the fields of its <c>progress.reported</c> event.</summary>
/// <param name="Completion">OGP's level: not-started, limited, substantial, complete.</param>
/// <param name="Organization">The reporting organisation (never the person).</param>
public sealed record ProgressReportDto(string Id, string Commitment, int Milestone, string Completion, BilingualText Narrative, string Party, string Organization,
    IReadOnlyList<EvidenceDto> Evidence, DateTimeOffset ReportedAt, IReadOnlyList<DisputeDto> Disputes);

/// <summary>A file (served at <c>/evidence/{sha256}</c>, its name its hash) or a link.</summary>
/// <param name="Sha256">A file's SHA-256 (hex); a link's, of the body Pacta fetched when the report was made (only when the portal fetches links and that succeeded; otherwise null).</param>
/// <param name="MediaType">The type the content was recognised as (a file's always; a fetched link's when recognised, else null).</param>
/// <param name="Size">Bytes of the file, or of what was fetched from the link.</param>
public sealed record EvidenceDto(string Kind, string? Sha256, string? Name, string? MediaType, long? Size, string? Url);

/// <summary>A dispute of a report by another party, with the fields of its events, and the reporter's answer.</summary>
public sealed record DisputeDto(string Id, string Report, string Party, string Organization, string Reason, string? Answer, string? AnsweredBy, DateTimeOffset At, DateTimeOffset? AnsweredAt);
