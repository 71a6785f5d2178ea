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
    public static void MapProgressApi(this RouteGroupBuilder api) =>
        api.MapGet("/plans/{number}/progress", ListProgress)
            .WithName("ListPlanProgress")
            .WithTags("Progress")
            .WithSummary("Progress reports of a plan's commitments, oldest first: milestone, OGP completion level, narrative, evidence (files by SHA-256, links) and disputes with their answers.");

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

/// <summary>A progress report, with the fields of its <c>progress.reported</c> event.</summary>
/// <param name="Completion">OGP's level: not-started, limited, substantial, complete.</param>
/// <param name="Organization">The reporting organisation (never the person).</param>
public sealed record ProgressReportDto(string Id, string Commitment, int Milestone, string Completion, BilingualText Narrative, string Party, string Organization,
    IReadOnlyList<EvidenceDto> Evidence, DateTimeOffset ReportedAt, IReadOnlyList<DisputeDto> Disputes);

/// <summary>A file (served at <c>/evidence/{sha256}</c>, its name its hash) or a link.</summary>
/// <param name="MediaType">The type the file's content was recognised as.</param>
public sealed record EvidenceDto(string Kind, string? Sha256, string? Name, string? MediaType, long? Size, string? Url);

/// <summary>A dispute of a report by another party, with the fields of its events, and the reporter's answer.</summary>
public sealed record DisputeDto(string Id, string Report, string Party, string Organization, string Reason, string? Answer, string? AnsweredBy, DateTimeOffset At, DateTimeOffset? AnsweredAt);
