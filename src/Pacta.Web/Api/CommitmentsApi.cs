using System.ComponentModel;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Commitments;
using Pacta.Core.Data;

namespace Pacta.Web.Api;

/// <summary>Open data about commitments: every field of OGP's commitment template, as the source gives it.</summary>
internal static class CommitmentsApi
{
    public static void MapCommitmentsApi(this RouteGroupBuilder api)
    {
        var commitments = api.MapGroup("/commitments").WithTags("Commitments");
        commitments.MapGet("", ListCommitments)
            .WithName("ListCommitments")
            .WithSummary("Commitments of every plan (or of one, with ?plan=N), in plan order; fictional sample ones are marked.");
        commitments.MapGet("/{code}", GetCommitment)
            .WithName("GetCommitment")
            .WithSummary("One commitment by its OGP code (MX0081), with supporting institutions, milestones and provenance.");
    }

    public static async Task<Results<Ok<List<CommitmentSummaryDto>>, ValidationProblem, NotFoundProblem>> ListCommitments(
        [Description("Only the commitments of the plan with this number, like 4.")] string? plan, PactaDbContext db, CancellationToken cancellationToken)
    {
        // The query value is bound as text and parsed here, so that "?plan=x" gets a problem that
        // names the parameter instead of the bare 400 a failed int binding gives.
        int? planNumber = null;
        if (plan is not null)
        {
            if (!ApiValues.TryParsePlanNumber(plan, out var number))
                return ApiProblems.InvalidParameter("plan", plan, "a plan number is a positive whole number, like 4");
            planNumber = number;
        }

        // The plan's commitments: imported and agreed ones. Drafts are listed with their working tables.
        var query = db.Commitments.AsNoTracking().Where(InPlan);
        if (planNumber is not null) query = query.Where(c => c.PlanNumber == planNumber);
        var list = await query
            .OrderBy(c => c.PlanNumber).ThenBy(c => c.Position)
            .Select(Summary)
            .ToListAsync(cancellationToken);

        // An empty list is ambiguous (no such plan, or a plan without commitments yet): ask only then.
        if (list.Count == 0 && planNumber is not null && !await db.ActionPlans.AnyAsync(p => p.Number == planNumber, cancellationToken))
            return ApiProblems.NotFound($"There is no action plan number {planNumber}.");
        return TypedResults.Ok(list);
    }

    public static async Task<Results<Ok<CommitmentDto>, ValidationProblem, NotFoundProblem>> GetCommitment(
        [Description("OGP commitment code: capital letters, digits and '-', like MX0081.")] string code, PactaDbContext db, CancellationToken cancellationToken)
    {
        if (!ApiValues.CommitmentCode().IsMatch(code))
            return ApiProblems.InvalidParameter("code", code, "a commitment code is capital letters, digits and '-', like MX0081");

        var commitment = await db.Commitments.AsNoTracking()
            .Where(c => c.Code == code)
            .Select(Details)
            // Split, not single: SQLite does not push the code into the single query's joined subqueries, so
            // it read every commitment's institutions and milestones (13 ms a request at 1,000 commitments,
            // docs/performance.md); split, each query is an index seek on the commitment's code.
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        return commitment is null
            ? ApiProblems.NotFound($"There is no commitment with code '{code}'.")
            : TypedResults.Ok(commitment);
    }

    /// <summary>A commitment of its plan: imported, or agreed by every party. A draft is its working table's, not yet the plan's.</summary>
    internal static readonly Expression<Func<Commitment, bool>> InPlan = c => c.State == null || c.State != CommitmentState.Draft;

    /// <summary>The list shape: what a table of commitments shows, in one query with no per-row lookups.</summary>
    internal static readonly Expression<Func<Commitment, CommitmentSummaryDto>> Summary = c => new CommitmentSummaryDto(
        c.Code,
        c.PlanNumber,
        new BilingualText(c.Title.Es, c.Title.En),
        c.PolicyArea,
        c.LeadOrganization == null ? null : c.LeadOrganization.ShortName,
        ApiValues.Iso(c.StartDate),
        ApiValues.Iso(c.EndDate),
        c.Plan!.Fictional);

    /// <summary>Every template field; shared by the commitment endpoint and the plan's CSV.</summary>
    internal static readonly Expression<Func<Commitment, CommitmentDto>> Details = c => new CommitmentDto(
        c.Code,
        c.PlanNumber,
        new BilingualText(c.Title.Es, c.Title.En),
        c.PolicyArea,
        new BilingualText(c.Problem.Es, c.Problem.En),
        new BilingualText(c.StatusQuo.Es, c.StatusQuo.En),
        new BilingualText(c.Objective.Es, c.Objective.En),
        c.OgpValues,
        c.LeadOrganization == null ? null : c.LeadOrganization.ShortName,
        c.SupportingInstitutions.OrderBy(s => s.Position).Select(s => s.Organization!.ShortName).ToList(),
        ApiValues.Iso(c.StartDate),
        ApiValues.Iso(c.EndDate),
        ApiValues.Iso(c.ShortTermDeadline),
        c.Verifiable,
        ApiValues.Name(c.Provenance),
        ApiValues.Name(c.State),
        c.WorkingTableId == null ? null : c.WorkingTableId.Value.ToString(),
        c.AgreedVersion,
        c.AgreedVersionHash,
        c.Plan!.Fictional,
        c.Milestones.OrderBy(m => m.Number).Select(m => new MilestoneDto(
            m.Number,
            new BilingualText(m.Title.Es, m.Title.En),
            m.ResponsibleOrganization == null ? null : m.ResponsibleOrganization.ShortName,
            ApiValues.Iso(m.StartDate),
            ApiValues.Iso(m.EndDate),
            m.Weight)).ToList());
}

// Public shapes, mapped explicitly from the entities (see ForumDto for why). Institutions are
// named by their short name, as in the forum document format; /api/v1/organizations has the rest.

/// <param name="Plan">The number of the commitment's action plan.</param>
/// <param name="LeadInstitution">Short name of the lead institution; null when the source does not name one.</param>
/// <param name="StartDate">ISO 8601 at the precision known (<c>2025</c>, <c>2025-02</c>, <c>2025-02-01</c>).</param>
/// <param name="Fictional">True for the commitments of the fictional sample plan.</param>
public sealed record CommitmentSummaryDto(
    string Code, int Plan, BilingualText Title, string? PolicyArea, string? LeadInstitution,
    string? StartDate, string? EndDate, bool Fictional);

/// <param name="PolicyArea">OGP policy area, in OGP's English wording (<c>Civic Space</c>).</param>
/// <param name="OgpValues">OGP values codes (<c>access-to-information</c>, …); null when the source does not say.</param>
/// <param name="LeadInstitution">Short name of the lead institution; null when the source does not name one.</param>
/// <param name="SupportingInstitutions">Short names, in the order the template lists them.</param>
/// <param name="ShortTermDeadline">The date the plan set for the commitment's short-term goal, when it set one.</param>
/// <param name="Verifiable">IRM verifiability: true verifiable, false not verifiable, null not assessed.</param>
/// <param name="Provenance">How the commitment entered Pacta: <c>imported-from-public-sources</c> (a historical record, never agreed in Pacta) or <c>co-created-in-pacta</c>.</param>
/// <param name="State">A co-created commitment's state: <c>draft</c> (its text is its newest version) or <c>agreed</c>; null for an imported one.</param>
/// <param name="WorkingTable">The id of the working table a co-created commitment was drafted at.</param>
/// <param name="AgreedVersion">The version every party approved, whose text this is; null before agreement and for imported ones.</param>
/// <param name="AgreedVersionHash">SHA-256 of that version's canonical text, hex: what the representatives signed.</param>
/// <param name="Fictional">True for the commitments of the fictional sample plan.</param>
public sealed record CommitmentDto(
    string Code, int Plan, BilingualText Title, string? PolicyArea,
    BilingualText Problem, BilingualText StatusQuo, BilingualText Objective, IReadOnlyList<string>? OgpValues,
    string? LeadInstitution, IReadOnlyList<string> SupportingInstitutions,
    string? StartDate, string? EndDate, string? ShortTermDeadline, bool? Verifiable,
    string Provenance, string? State, string? WorkingTable, int? AgreedVersion, string? AgreedVersionHash, bool Fictional, IReadOnlyList<MilestoneDto> Milestones);

/// <param name="Number">Order within the commitment, from 1.</param>
/// <param name="ResponsibleInstitution">Short name of the responsible institution; null when not given.</param>
/// <param name="Weight">Share of the commitment this milestone stands for; null when not given.</param>
public sealed record MilestoneDto(int Number, BilingualText Title, string? ResponsibleInstitution, string? StartDate, string? EndDate, decimal? Weight);
