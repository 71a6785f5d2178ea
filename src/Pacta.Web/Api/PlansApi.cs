using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;

namespace Pacta.Web.Api;

/// <summary>Open data about action plans, and each plan's commitments as a CSV file.</summary>
internal static class PlansApi
{
    private const string ExpectedNumber = "a plan number is a positive whole number, like 4";

    public static void MapPlansApi(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/plans").WithTags("Plans");
        plans.MapGet("", ListPlans)
            .WithName("ListPlans")
            .WithSummary("Every action plan, by number; the fictional sample plan is marked.");
        // {number} is not constrained to int: "/plans/abc" must be a 400 that names the parameter,
        // and a route constraint would turn it into a 404 instead.
        plans.MapGet("/{number}", GetPlan)
            .WithName("GetPlan")
            .WithSummary("One action plan with its period, co-creation, IRM figures and commitments.");
        plans.MapGet("/{number}/commitments.csv", GetPlanCommitmentsCsv)
            .WithName("GetPlanCommitmentsCsv")
            .WithSummary("A plan's commitments as CSV (RFC 4180, UTF-8 with BOM), one row per commitment.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
    }

    public static async Task<Ok<List<PlanSummaryDto>>> ListPlans(PactaDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.ActionPlans.AsNoTracking()
            .OrderBy(p => p.Number)
            .Select(p => new PlanSummaryDto(
                p.Number,
                new BilingualText(p.Title.Es, p.Title.En),
                new PeriodDto(ApiValues.Iso(p.PeriodFrom), ApiValues.Iso(p.PeriodTo), ApiValues.Iso(p.ExtendedTo)),
                ApiValues.Name(p.State),
                p.Fictional,
                p.Commitments.AsQueryable().Count(CommitmentsApi.InPlan)))
            .ToListAsync(cancellationToken));

    public static async Task<Results<Ok<PlanDto>, ValidationProblem, NotFoundProblem>> GetPlan(
        [Description("Plan number: a positive whole number, like 4.")] string number, PactaDbContext db, CancellationToken cancellationToken)
    {
        if (!ApiValues.TryParsePlanNumber(number, out var n)) return ApiProblems.InvalidParameter("number", number, ExpectedNumber);

        var plan = await db.ActionPlans.AsNoTracking()
            .Where(p => p.Number == n)
            .Select(p => new PlanDto(
                p.Number,
                new BilingualText(p.Title.Es, p.Title.En),
                new PeriodDto(ApiValues.Iso(p.PeriodFrom), ApiValues.Iso(p.PeriodTo), ApiValues.Iso(p.ExtendedTo)),
                ApiValues.Name(p.State),
                p.Fictional,
                new CoCreationDto(ApiValues.Iso(p.ConsultationFrom), ApiValues.Iso(p.ConsultationTo), p.OnlineParticipants, p.InPersonParticipants),
                new IrmDto(p.IrmRelevantToOgpValues, p.IrmTransformative,
                    new EarlyResultsDto(p.IrmEarlyResultsMarginal, p.IrmEarlyResultsMajor, p.IrmEarlyResultsOutstanding, p.IrmEarlyResultsNoEvidence)),
                p.Source,
                p.Commitments.AsQueryable().Where(CommitmentsApi.InPlan).OrderBy(c => c.Position).Select(CommitmentsApi.Summary).ToList()))
            .SingleOrDefaultAsync(cancellationToken);
        return plan is null ? ApiProblems.NotFound($"There is no action plan number {n}.") : TypedResults.Ok(plan);
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem, NotFoundProblem>> GetPlanCommitmentsCsv(
        [Description("Plan number: a positive whole number, like 4.")] string number, PactaDbContext db, CancellationToken cancellationToken)
    {
        if (!ApiValues.TryParsePlanNumber(number, out var n)) return ApiProblems.InvalidParameter("number", number, ExpectedNumber);
        if (!await db.ActionPlans.AnyAsync(p => p.Number == n, cancellationToken))
            return ApiProblems.NotFound($"There is no action plan number {n}.");

        var commitments = await db.Commitments.AsNoTracking()
            .Where(c => c.PlanNumber == n)
            .Where(CommitmentsApi.InPlan)
            .OrderBy(c => c.Position)
            .Select(CommitmentsApi.Details)
            // A whole plan: one query per collection, so rows do not multiply across commitments.
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        // text/csv with its charset (RFC 7111), as an attachment named after the plan.
        return TypedResults.File(CommitmentsCsv.Write(commitments), "text/csv; charset=utf-8", CommitmentsCsv.FileName(n));
    }
}

// Public shapes, mapped explicitly from the entities (see ForumDto for why).

/// <param name="State"><c>co-creation</c>, <c>implementation</c> or <c>closed</c>; null when the source does not say.</param>
/// <param name="Fictional">True for the fictional sample plan.</param>
/// <param name="CommitmentCount">How many commitments Pacta holds for the plan.</param>
public sealed record PlanSummaryDto(int Number, BilingualText Title, PeriodDto Period, string? State, bool Fictional, int CommitmentCount);

/// <param name="Source">Where the plan's facts come from.</param>
public sealed record PlanDto(
    int Number, BilingualText Title, PeriodDto Period, string? State, bool Fictional,
    CoCreationDto CoCreation, IrmDto Irm, string? Source, IReadOnlyList<CommitmentSummaryDto> Commitments);

/// <summary>A plan's period, ISO 8601 at the precision known (<c>2019</c>, <c>2025-01</c>).</summary>
/// <param name="ExtendedTo">The end after an extension, when the plan was extended.</param>
public sealed record PeriodDto(string? From, string? To, string? ExtendedTo);

/// <summary>How the plan was co-created: its public consultation and how many took part.</summary>
public sealed record CoCreationDto(string? ConsultationFrom, string? ConsultationTo, int? OnlineParticipants, int? InPersonParticipants);

/// <summary>Figures of OGP's Independent Reporting Mechanism, as its reports give them.</summary>
/// <param name="RelevantToOgpValues">Commitments the design report found relevant to OGP values.</param>
/// <param name="Transformative">Commitments the design report found transformative.</param>
public sealed record IrmDto(int? RelevantToOgpValues, int? Transformative, EarlyResultsDto EarlyResults);

/// <summary>The results report: how many commitments reached each "did it open government" level.</summary>
public sealed record EarlyResultsDto(int? Marginal, int? Major, int? Outstanding, int? NoEvidence);
