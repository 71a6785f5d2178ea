using Microsoft.EntityFrameworkCore;
using Pacta.Core;
using Pacta.Core.Commitments;
using Pacta.Core.Data;
using Pacta.Core.Plans;
using Pacta.Core.Progress;

namespace Pacta.Web.Progress;

/// <summary>One commitment as the plan's dashboard shows it: computed status and completion, its lead, its last report.</summary>
internal sealed record DashboardRow(
    string Code, LocalizedText Title, string? Lead, LocalizedText? LeadName, ProgressStatus Status, decimal Completion, DateTimeOffset? LastReport,
    IReadOnlyList<DashboardMilestone> Milestones, bool Fictional);

/// <summary>The plan a dashboard is of, as the page shows it.</summary>
/// <param name="State">Null for an imported plan whose state is unknown: Pacta then claims no status.</param>
internal sealed record DashboardPlan(int Number, LocalizedText Title, bool Fictional, PlanState? State);

/// <summary>A milestone on the dashboard: who owes it, by when, and where it stands.</summary>
internal sealed record DashboardMilestone(int Number, LocalizedText Title, string? Responsible, PartialDate? End, ProgressStatus Status, Completion Completion);

/// <summary>
/// The plan's dashboard (issue "Agreements are kept", "Public"): every commitment of the plan with its computed status
/// and completion, worst first (overdue, then stalled, at risk, on track, not due, complete), so a stalled one is seen
/// without anyone looking for it. Four queries whatever the plan's size (<see cref="PlanDashboardCache"/> keeps them
/// per record size); the statuses are computed in memory from the clock, again whenever one of them may change.
/// </summary>
internal static class PlanDashboard
{
    /// <summary>What the rows are computed from: the plan, its commitments, their milestones, each milestone's newest report.</summary>
    internal sealed record Facts(
        DashboardPlan Plan,
        IReadOnlyList<(string Code, LocalizedText Title, string? Lead, LocalizedText? LeadName, bool Fictional)> Commitments,
        ILookup<string, (int Number, LocalizedText Title, string? Responsible, PartialDate? Start, PartialDate? End, decimal? Weight)> Milestones,
        IReadOnlyDictionary<(string Code, int Milestone), (DateTimeOffset At, Completion Completion)> Latest);

    /// <returns>Null when there is no such plan.</returns>
    public static async Task<Facts?> ReadFactsAsync(PactaDbContext db, int plan, CancellationToken cancellationToken)
    {
        var found = await db.ActionPlans.AsNoTracking().Where(p => p.Number == plan).Select(p => new { p.Title, p.Fictional, p.State }).SingleOrDefaultAsync(cancellationToken);
        if (found is null) return null;
        var commitments = await db.Commitments.AsNoTracking().Where(c => c.PlanNumber == plan && (c.State == null || c.State != CommitmentState.Draft))
            .OrderBy(c => c.Position)
            .Select(c => new { c.Code, c.Title, Lead = c.LeadOrganization == null ? null : c.LeadOrganization.ShortName, LeadName = c.LeadOrganization == null ? null : c.LeadOrganization.Name, c.Plan!.Fictional })
            .ToListAsync(cancellationToken);
        var codes = db.Commitments.Where(c => c.PlanNumber == plan).Select(c => c.Code);
        var milestones = (await db.Milestones.AsNoTracking().Where(m => codes.Contains(m.CommitmentCode))
            .Select(m => new { m.CommitmentCode, m.Number, m.Title, Responsible = m.ResponsibleOrganization == null ? null : m.ResponsibleOrganization.ShortName, m.StartDate, m.EndDate, m.Weight })
            .ToListAsync(cancellationToken)).ToLookup(m => m.CommitmentCode, m => (m.Number, m.Title, m.Responsible, m.StartDate, m.EndDate, m.Weight));
        // Every report's key facts, the newest per milestone kept.
        var latest = ProgressRules.Newest((await db.ProgressReports.AsNoTracking().Where(r => codes.Contains(r.CommitmentCode))
                .Select(r => new { r.CommitmentCode, r.MilestoneNumber, r.Id, r.ReportedAt, r.Completion }).ToListAsync(cancellationToken))
            .Select(r => (r.CommitmentCode, r.MilestoneNumber, r.Id, r.ReportedAt, r.Completion)));
        return new Facts(new DashboardPlan(plan, found.Title, found.Fictional, found.State), [.. commitments.Select(c => (c.Code, c.Title, c.Lead, c.LeadName, c.Fictional))], milestones, latest);
    }

    /// <summary>The rows at <paramref name="now"/>, worst first, and the instant until which they stay the same (<see cref="ProgressRules.SameUntil"/>).</summary>
    public static (List<DashboardRow> Rows, DateTimeOffset Until) Rows(Facts facts, DateTimeOffset now, int stalledDays)
    {
        var rows = new List<DashboardRow>(facts.Commitments.Count);
        var until = DateTimeOffset.MaxValue;
        foreach (var c in facts.Commitments)
        {
            var own = facts.Milestones[c.Code].OrderBy(m => m.Number).Select(m =>
            {
                (DateTimeOffset At, Completion Completion)? report = facts.Latest.TryGetValue((c.Code, m.Number), out var r) ? r : null;
                var completion = report?.Completion ?? Completion.NotStarted;
                var milestone = new MilestoneFacts(m.Start?.Start, m.End?.End, m.Weight, report);
                var status = ProgressRules.Of(milestone, now, stalledDays);
                var same = ProgressRules.SameUntil(milestone, now, stalledDays);
                if (same < until) until = same;
                return (Milestone: new DashboardMilestone(m.Number, m.Title, m.Responsible, m.End, status, completion), m.Weight, ReportedAt: report?.At);
            }).ToList();
            rows.Add(new DashboardRow(c.Code, c.Title, c.Lead, c.LeadName,
                ProgressRules.OfCommitment([.. own.Select(m => m.Milestone.Status)]),
                ProgressRules.CompletionPercent([.. own.Select(m => (m.Weight, m.Milestone.Completion))]),
                own.Select(m => m.ReportedAt).Max(), [.. own.Select(m => m.Milestone)], c.Fictional));
        }
        return ([.. rows.OrderBy(r => Rank(r.Status))], until);
    }

    /// <summary>Worst first: what needs attention leads the page.</summary>
    public static int Rank(ProgressStatus status) => status switch
    {
        ProgressStatus.Overdue => 0,
        ProgressStatus.Stalled => 1,
        ProgressStatus.AtRisk => 2,
        ProgressStatus.OnTrack => 3,
        ProgressStatus.NotDue => 4,
        ProgressStatus.Complete => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
