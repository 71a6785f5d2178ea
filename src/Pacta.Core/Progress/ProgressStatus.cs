namespace Pacta.Core.Progress;

/// <summary>Where a milestone or a commitment stands, computed from its data and a clock: never typed in.</summary>
public enum ProgressStatus
{
    /// <summary>Reported complete.</summary>
    Complete,

    /// <summary>Past its end date and not complete.</summary>
    Overdue,

    /// <summary>No progress report for longer than the stalled threshold (90 days by default) since the last one, or since it started.</summary>
    Stalled,

    /// <summary>Most of its time gone (three quarters or more) with limited progress or none.</summary>
    AtRisk,

    OnTrack,

    /// <summary>Not started yet and nothing is due: no status to report.</summary>
    NotDue,
}

/// <summary>The milestone facts a status is computed from.</summary>
/// <param name="LastReport">The newest report's time and completion; null when none.</param>
public sealed record MilestoneFacts(DateOnly? Start, DateOnly? End, decimal? Weight, (DateTimeOffset At, Completion Completion)? LastReport);

/// <summary>The status rules (docs/adr/0004-agreements.md): computed, ordered worst first, the same on every page and in open data.</summary>
public static class ProgressRules
{
    public const int DefaultStalledDays = 90;

    /// <remarks>
    /// In this order: complete when the newest report says so; overdue when its end date has passed; stalled when it
    /// has started and the newest report (or its start, when it has none) is more than <paramref name="stalledDays"/>
    /// days old; at risk when at least three quarters of its period have gone by and its completion is not started or
    /// limited; not due when it has not started; otherwise on track. Unknown dates never make a milestone overdue or
    /// at risk: nothing is guessed.
    /// </remarks>
    public static ProgressStatus Of(MilestoneFacts milestone, DateTimeOffset now, int stalledDays = DefaultStalledDays)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var completion = milestone.LastReport?.Completion ?? Completion.NotStarted;
        if (completion == Completion.Complete) return ProgressStatus.Complete;
        if (milestone.End is { } end && end < today) return ProgressStatus.Overdue;
        var started = milestone.Start is { } start ? start <= today : milestone.LastReport is not null;
        if (!started) return ProgressStatus.NotDue;
        var since = milestone.LastReport?.At ?? (milestone.Start is { } s ? new DateTimeOffset(s.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : now);
        if ((now - since).TotalDays > stalledDays) return ProgressStatus.Stalled;
        if (milestone.Start is { } from && milestone.End is { } to && to > from
            && (today.DayNumber - from.DayNumber) * 4 >= (to.DayNumber - from.DayNumber) * 3
            && completion is Completion.NotStarted or Completion.Limited)
            return ProgressStatus.AtRisk;
        return ProgressStatus.OnTrack;
    }

    /// <summary>
    /// How long <see cref="Of"/> keeps its answer: it answers the same for every instant from <paramref name="now"/> up to,
    /// not including, the instant returned. Lets a page reuse statuses it computed, and compute them again exactly when one
    /// may change, rather than on every request or every minute.
    /// </summary>
    /// <remarks>
    /// Every rule but one compares dates with today (UTC), which stays the same until the next midnight. The exception is
    /// stalled: more than <paramref name="stalledDays"/> days since the newest report (or the start), which turns one tick
    /// after that instant, at any time of day.
    /// </remarks>
    public static DateTimeOffset SameUntil(MilestoneFacts milestone, DateTimeOffset now, int stalledDays = DefaultStalledDays)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        var until = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        DateTimeOffset? since = milestone.LastReport?.At ?? (milestone.Start is { } s ? new DateTimeOffset(s.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null);
        if (since?.AddDays(stalledDays) is { } turns && turns >= now && turns < until) until = turns.AddTicks(1);
        return until;
    }

    /// <summary>
    /// The newest report of each milestone, by (commitment code, milestone number): the one the milestone's status and
    /// completion count. Reports are never changed, so the newest is the correction; version 7 ids sort by time.
    /// </summary>
    public static Dictionary<(string Code, int Milestone), (DateTimeOffset At, Completion Completion)> Newest(
        IEnumerable<(string Code, int Milestone, Guid Id, DateTimeOffset At, Completion Completion)> reports) =>
        reports.GroupBy(r => (r.Code, r.Milestone)).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Id) is var newest ? (newest.At, newest.Completion) : default);

    /// <summary>A commitment's status: complete when every milestone is, else its worst milestone's (not due when none is due).</summary>
    public static ProgressStatus OfCommitment(IReadOnlyCollection<ProgressStatus> milestones)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        if (milestones.Count == 0) return ProgressStatus.NotDue;
        if (milestones.All(m => m == ProgressStatus.Complete)) return ProgressStatus.Complete;
        foreach (var worst in (ProgressStatus[])[ProgressStatus.Overdue, ProgressStatus.Stalled, ProgressStatus.AtRisk, ProgressStatus.OnTrack])
            if (milestones.Contains(worst)) return worst;
        return milestones.Contains(ProgressStatus.Complete) ? ProgressStatus.OnTrack : ProgressStatus.NotDue;
    }

    /// <summary>
    /// A commitment's completion from 0 to 100: its milestones' completion levels (not started 0, limited 1/3,
    /// substantial 2/3, complete 1) weighted by their weights; equal weights when any is missing.
    /// </summary>
    public static decimal CompletionPercent(IReadOnlyCollection<(decimal? Weight, Completion Completion)> milestones)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        if (milestones.Count == 0) return 0;
        var weighted = milestones.All(m => m.Weight is > 0);
        var total = weighted ? milestones.Sum(m => m.Weight!.Value) : milestones.Count;
        var done = milestones.Sum(m => (weighted ? m.Weight!.Value : 1) * Share(m.Completion));
        return Math.Round(done / total * 100, 1, MidpointRounding.AwayFromZero);
    }

    private static decimal Share(Completion completion) => completion switch
    {
        Completion.NotStarted => 0m,
        Completion.Limited => 1m / 3,
        Completion.Substantial => 2m / 3,
        Completion.Complete => 1m,
        _ => throw new ArgumentOutOfRangeException(nameof(completion), completion, null),
    };
}
