using Pacta.Web.Tests.Infrastructure;
using Pacta.Web.Tests.Record;

namespace Pacta.Web.Tests.RecordStore;

/// <summary>
/// Two Pacta processes appending at once through their own RecordWriter to one database, then killed:
/// no index is acknowledged twice, every acknowledged one is stored, there is no gap, and the record verifies. Its own class, on an
/// empty database.
/// </summary>
public abstract class RecordTwoProcessTests(PactaApp app)
{
    private const int EachProcess = 150;

    [Fact]
    public async Task TwoAppendingProcesses_AtOnce_NumberEveryAppendOnceWithoutGaps()
    {
        List<long> fromFirst, fromSecond;
        // Many writers per process, so groups are large and few fsyncs are needed on a busy disk.
        using (var first = AppendProcess.Start(app.Settings, writers: 32))
        using (var second = AppendProcess.Start(app.Settings, writers: 32))
        {
            // Neither stops by itself, so however late one starts, both append while the other does.
            await first.WaitForAcknowledgedAsync(EachProcess, TimeSpan.FromSeconds(20));
            // Generous: on SQLite the processes take turns through Microsoft.Data.Sqlite's sleeping busy retry,
            // so one can wait long for the write lock (fairness is not what this test checks; numbering is).
            await second.WaitForAcknowledgedAsync(EachProcess, TimeSpan.FromSeconds(20));
            await first.WaitForAcknowledgedAsync(first.Acknowledged.Count + 32, TimeSpan.FromSeconds(20));
            first.Kill();
            second.Kill();
            (fromFirst, fromSecond) = ([.. first.Acknowledged], [.. second.Acknowledged]);
        }

        await using var db = app.CreateDbContext();
        var size = (await RecordCheck.AssertConsistentAsync(db)).Count;
        var acknowledged = fromFirst.Concat(fromSecond).ToList();
        Assert.Equal(acknowledged.Count, acknowledged.Distinct().Count());
        Assert.All(acknowledged, index => Assert.InRange(index, 0, size - 1));
        // Both really appended at once: each got indexes on both sides of the other's first one.
        Assert.True(fromFirst.Max() > fromSecond.Min() && fromSecond.Max() > fromFirst.Min(), "the two processes did not overlap");
        await RecordCrashTests.AssertVerifiesAsync(app);
    }
}

public sealed class RecordTwoProcessTestsOnSqlite(EmptySqliteApp app) : RecordTwoProcessTests(app), IClassFixture<EmptySqliteApp>;

public sealed class RecordTwoProcessTestsOnPostgres(EmptyPostgresApp app) : RecordTwoProcessTests(app), IClassFixture<EmptyPostgresApp>;
