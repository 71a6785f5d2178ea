using Pacta.Web.Tests.Infrastructure;
using Pacta.Web.Tests.Record;

namespace Pacta.Web.Tests.RecordStore;

/// <summary>
/// Two Pacta processes appending at once through their own RecordWriter to one database: between them
/// every index is acknowledged exactly once, with no gap, and the record verifies. Its own class, on an
/// empty database.
/// </summary>
public abstract class RecordTwoProcessTests(PactaApp app)
{
    private const int EachProcess = 400;

    [Fact]
    public async Task TwoAppendingProcesses_AtOnce_NumberEveryAppendOnceWithoutGaps()
    {
        using var first = AppendProcess.Start(app.Settings, writers: 8, count: EachProcess);
        using var second = AppendProcess.Start(app.Settings, writers: 8, count: EachProcess);
        Assert.Equal(0, await first.WaitForExitAsync(TimeSpan.FromSeconds(25)));
        Assert.Equal(0, await second.WaitForExitAsync(TimeSpan.FromSeconds(25)));

        var acknowledged = first.Acknowledged.Concat(second.Acknowledged).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 2 * EachProcess).Select(i => (long)i), acknowledged);
        // Both really ran at once: each got indexes on both sides of the other's first one.
        Assert.True(first.Acknowledged.Max() > second.Acknowledged.Min() && second.Acknowledged.Max() > first.Acknowledged.Min(),
            "the two processes did not overlap");
        await using var db = app.CreateDbContext();
        Assert.Equal(2 * EachProcess, (await RecordCheck.AssertConsistentAsync(db)).Count);
    }
}

public sealed class RecordTwoProcessTestsOnSqlite(EmptySqliteApp app) : RecordTwoProcessTests(app), IClassFixture<EmptySqliteApp>;

public sealed class RecordTwoProcessTestsOnPostgres(EmptyPostgresApp app) : RecordTwoProcessTests(app), IClassFixture<EmptyPostgresApp>;
