using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;

namespace Pacta.Web.Progress;

/// <summary>
/// The dashboard's rows read from the database once per state of the record, not once per request: every public change
/// appends to the record, so a plan's commitments, milestones and reports cannot change while the record's size stays
/// the same. Statuses depend on the clock too, and are computed for each request from the cached facts.
/// </summary>
internal sealed class PlanDashboardCache
{
    private readonly ConcurrentDictionary<int, (long Size, PlanDashboard.Facts Facts)> _plans = new();

    public async Task<List<DashboardRow>> ReadAsync(PactaDbContext db, int plan, DateTimeOffset now, int stalledDays, CancellationToken cancellationToken)
    {
        var size = await db.RecordHeads.AsNoTracking().Select(h => h.Size).SingleOrDefaultAsync(cancellationToken);
        if (!_plans.TryGetValue(plan, out var cached) || cached.Size != size)
        {
            // Read after the size: a change committed in between makes the next request read again, never a stale hit.
            cached = (size, await PlanDashboard.ReadFactsAsync(db, plan, cancellationToken));
            _plans[plan] = cached;
        }
        return PlanDashboard.Rows(cached.Facts, now, stalledDays);
    }
}
