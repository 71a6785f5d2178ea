using Microsoft.EntityFrameworkCore;
using Pacta.Core;
using Pacta.Core.Commitments;
using Pacta.Core.Data;
using Pacta.Core.Progress;

namespace Pacta.Web.Progress;

/// <summary>One commitment as the plan's dashboard shows it: computed status and completion, its lead, its last report.</summary>
internal sealed record DashboardRow(
    string Code, LocalizedText Title, string? Lead, LocalizedText? LeadName, ProgressStatus Status, decimal Completion, DateTimeOffset? LastReport,
    IReadOnlyList<DashboardMilestone> Milestones, bool Fictional);

/// <summary>A milestone on the dashboard: who owes it, by when, and where it stands.</summary>
internal sealed record DashboardMilestone(int Number, LocalizedText Title, string? Responsible, PartialDate? End, ProgressStatus Status, Completion Completion);

/// <summary>
/// The plan's dashboard (issue "Agreements are kept", "Public"): every commitment of the plan with its computed status
/// and completion, worst first (overdue, then stalled, at risk, on track, not due, complete), so a stalled one is seen
/// without anyone looking for it. Four queries whatever the plan's size; the statuses are computed in memory.
/// </summary>
internal static class PlanDashboard
{
    public static async Task<List<DashboardRow>> ReadAsync(PactaDbContext db, int plan, DateTimeOffset now, int stalledDays, CancellationToken cancellationToken)
    {
        var commitments = await db.Commitments.AsNoTracking().Where(c => c.PlanNumber == plan && (c.State == null || c.State != CommitmentState.Draft))
            .OrderBy(c => c.Position)
            .Select(c => new { c.Code, c.Title, Lead = c.LeadOrganization == null ? null : c.LeadOrganization.ShortName, LeadName = c.LeadOrganization == null ? null : c.LeadOrganization.Name, c.Plan!.Fictional })
            .ToListAsync(cancellationToken);
        var codes = db.Commitments.Where(c => c.PlanNumber == plan).Select(c => c.Code);
        var milestones = (await db.Milestones.AsNoTracking().Where(m => codes.Contains(m.CommitmentCode))
            .Select(m => new { m.CommitmentCode, m.Number, m.Title, Responsible = m.ResponsibleOrganization == null ? null : m.ResponsibleOrganization.ShortName, m.StartDate, m.EndDate, m.Weight })
            .ToListAsync(cancellationToken)).ToLookup(m => m.CommitmentCode);
        // Every report's key facts, the newest per milestone kept: version 7 ids sort by time.
        var latest = (await db.ProgressReports.AsNoTracking().Where(r => codes.Contains(r.CommitmentCode))
                .Select(r => new { r.CommitmentCode, r.MilestoneNumber, r.Id, r.ReportedAt, r.Completion }).ToListAsync(cancellationToken))
            .GroupBy(r => (r.CommitmentCode, r.MilestoneNumber)).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Id)!);

        var rows = new List<DashboardRow>(commitments.Count);
        foreach (var c in commitments)
        {
            var own = milestones[c.Code].OrderBy(m => m.Number).Select(m =>
            {
                var report = latest.GetValueOrDefault((c.Code, m.Number));
                var completion = report?.Completion ?? Completion.NotStarted;
                var status = ProgressRules.Of(new MilestoneFacts(Day(m.StartDate, first: true), Day(m.EndDate, first: false), m.Weight,
                    report is null ? null : (report.ReportedAt, report.Completion)), now, stalledDays);
                return (Milestone: new DashboardMilestone(m.Number, m.Title, m.Responsible, m.EndDate, status, completion), m.Weight, report?.ReportedAt);
            }).ToList();
            rows.Add(new DashboardRow(c.Code, c.Title, c.Lead, c.LeadName,
                ProgressRules.OfCommitment([.. own.Select(m => m.Milestone.Status)]),
                ProgressRules.CompletionPercent([.. own.Select(m => (m.Weight, m.Milestone.Completion))]),
                own.Select(m => m.ReportedAt).Max(), [.. own.Select(m => m.Milestone)], c.Fictional));
        }
        return [.. rows.OrderBy(r => Rank(r.Status))];
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

    /// <summary>A partial date as the day it bounds: a month or year starts on its first day and ends on its last.</summary>
    public static DateOnly? Day(PartialDate? date, bool first) => date is not { } d ? null
        : first ? new DateOnly(d.Year, d.Month ?? 1, d.Day ?? 1)
        : d.Day is { } day ? new DateOnly(d.Year, d.Month!.Value, day)
        : new DateOnly(d.Year, d.Month ?? 12, DateTime.DaysInMonth(d.Year, d.Month ?? 12));
}
