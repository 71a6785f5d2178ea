using Microsoft.EntityFrameworkCore;
using Pacta.Web.Tests.Infrastructure;
using Pacta.Web.Tests.Record;
using Pacta.Web.Tests.Verify;

namespace Pacta.Web.Tests.RecordStore;

/// <summary>
/// A Pacta process killed (SIGKILL) while appending through RecordWriter: every append it acknowledged
/// is in the record, the record has no gap and verifies, and a process started again appends after it.
/// Its own class, on an empty database.
/// </summary>
public abstract class RecordCrashTests(PactaApp app)
{
    [Fact]
    public async Task AppendingProcess_KilledMidLoop_KeepsEveryAcknowledgedAppendAndAppendsAfterRestart()
    {
        List<long> acknowledged;
        // Many writers, so groups are large and few fsyncs are needed on a busy disk.
        using (var appending = AppendProcess.Start(app.Settings, writers: 32))
        {
            await appending.WaitForAcknowledgedAsync(300, TimeSpan.FromSeconds(18));
            appending.Kill();
            acknowledged = [.. appending.Acknowledged];
        }

        long size;
        await using (var db = app.CreateDbContext())
        {
            var entries = await RecordCheck.AssertConsistentAsync(db);
            size = entries.Count;
        }
        Assert.True(acknowledged.Count >= 300);
        Assert.Equal(acknowledged.Count, acknowledged.Distinct().Count());
        // Acknowledged means committed: each is present (the record may also hold a last group whose
        // commit finished after the process was killed before it could print).
        Assert.All(acknowledged, index => Assert.InRange(index, 0, size - 1));

        using (var restarted = AppendProcess.Start(app.Settings, writers: 8, count: 50))
        {
            Assert.Equal(0, await restarted.WaitForExitAsync(TimeSpan.FromSeconds(10)));
            Assert.Equal(Enumerable.Range((int)size, 50).Select(i => (long)i), restarted.Acknowledged.Order());
        }
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(size + 50, (await RecordCheck.AssertConsistentAsync(db)).Count);
            Assert.Equal(size + 50, (await db.RecordHeads.AsNoTracking().SingleAsync()).Size);
        }
        await AssertVerifiesAsync(app);
    }

    /// <summary>
    /// <c>pacta verify --log</c> against the app serving this database, after signing a checkpoint: the record
    /// part of verify (the appended events are test events, not public state the portal shows).
    /// </summary>
    internal static async Task AssertVerifiesAsync(PactaApp app)
    {
        await app.PublishAsync();
        var state = Path.Combine(Directory.CreateTempSubdirectory("pacta-verify-").FullName, "state.json");
        var result = await VerifyRun.AgainstAsync(app, "--log", "http://localhost/record", "--key", app.VerifierKey(), "--state", state);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches($"^verified: [^ ]+ size {await app.RecordSizeAsync()} root ", result.LastLine());
    }
}

public sealed class RecordCrashTestsOnSqlite(EmptySqliteApp app) : RecordCrashTests(app), IClassFixture<EmptySqliteApp>;

public sealed class RecordCrashTestsOnPostgres(EmptyPostgresApp app) : RecordCrashTests(app), IClassFixture<EmptyPostgresApp>;
