using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;

namespace Pacta.Web.Progress;

/// <summary>
/// The dashboard's facts read from the database once per state of the record, not once per request: every public change
/// appends to the record, so a plan and its commitments, milestones and reports cannot change while the record's size
/// stays the same. Statuses depend on the clock too: the rows are kept only until the first instant one of them may
/// change (<see cref="Pacta.Core.Progress.ProgressRules.SameUntil"/>), so every request sees the statuses of its own
/// instant, as if they were computed for it.
/// </summary>
internal sealed class PlanDashboardCache
{
    private readonly ConcurrentDictionary<int, PlanDashboardView> _plans = new();

    /// <returns>Null when there is no such plan.</returns>
    public async Task<PlanDashboardView?> ReadAsync(PactaDbContext db, int plan, DateTimeOffset now, int stalledDays, CancellationToken cancellationToken)
    {
        var size = await db.RecordHeads.AsNoTracking().Select(h => h.Size).SingleOrDefaultAsync(cancellationToken);
        _plans.TryGetValue(plan, out var view);
        if (view is not null && view.Size == size && view.StalledDays == stalledDays && view.From <= now && now < view.Until) return view;

        // Read after the size: a change committed in between makes the next request read again, never a stale hit.
        var facts = view is not null && view.Size == size ? view.Facts : await PlanDashboard.ReadFactsAsync(db, plan, cancellationToken);
        if (facts is null)
        {
            _plans.TryRemove(plan, out _);
            return null;
        }
        var (rows, until) = PlanDashboard.Rows(facts, now, stalledDays);
        view = new PlanDashboardView(size, facts, rows, stalledDays, now, until);
        _plans[plan] = view;
        return view;
    }
}

/// <summary>
/// A plan's dashboard at one size of the record, its rows as computed at <see cref="From"/> and the same for every instant
/// before <see cref="Until"/>. Shared by concurrent requests: nothing in it changes once made, except the markup of its
/// rows, rendered once per culture on first use.
/// </summary>
internal sealed class PlanDashboardView(long size, PlanDashboard.Facts facts, IReadOnlyList<DashboardRow> rows, int stalledDays, DateTimeOffset from, DateTimeOffset until)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyDictionary<string, string>>>> _markup = new(StringComparer.Ordinal);

    public long Size { get; } = size;
    public PlanDashboard.Facts Facts { get; } = facts;
    public DashboardPlan Plan => Facts.Plan;
    public IReadOnlyList<DashboardRow> Rows { get; } = rows;
    public int StalledDays { get; } = stalledDays;
    public DateTimeOffset From { get; } = from;
    public DateTimeOffset Until { get; } = until;

    /// <summary>Every institution that leads a commitment or owes a milestone of the plan, in ordinal order.</summary>
    public IReadOnlyList<string> Institutions { get; } =
        [.. rows.SelectMany(r => r.Milestones.Select(m => m.Responsible).Append(r.Lead)).OfType<string>().Distinct().Order(StringComparer.Ordinal)];

    /// <summary>
    /// Each row's HTML by commitment code, rendered by <paramref name="render"/> the first time <paramref name="culture"/>
    /// asks (concurrent requests wait for that one rendering) and reused for every later request of this view.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> RowMarkupAsync(string culture, Func<Task<IReadOnlyDictionary<string, string>>> render)
    {
        var rendering = _markup.GetOrAdd(culture, _ => new Lazy<Task<IReadOnlyDictionary<string, string>>>(render));
        try
        {
            return await rendering.Value;
        }
        catch
        {
            // A failed rendering is not kept: the next request tries again.
            _markup.TryRemove(KeyValuePair.Create(culture, rendering));
            throw;
        }
    }
}
