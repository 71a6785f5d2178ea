using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Core.Data;
using Pacta.Core.Forum;
using Pacta.Core.RecordStore;
using Pacta.Web.Tests.Infrastructure;
using Pacta.Web.Tests.Record;

namespace Pacta.Web.Tests.RecordStore;

/// <summary>
/// Group commit through <see cref="RecordWriter"/>: many callers share transactions yet each gets its own
/// indexes; an operation that fails takes only its own change and events with it; a failed commit fails
/// the whole group and stores nothing; a caller that gives up while queued is never run. On an empty
/// database, in sequence; every test ends with the record verifying.
/// </summary>
public abstract class RecordWriterTests(PactaApp app)
{
    [Fact]
    public async Task WriteAsync_ManyCallersAtOnce_ShareCommitsAndGetEveryIndexOnce()
    {
        long before;
        await using (var db = app.CreateDbContext()) before = (await db.RecordHeads.AsNoTracking().SingleAsync()).Size;
        await using var writer = new RecordWriter(app.CreateDbContext, TimeProvider.System);

        var written = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => Task.Run(() => writer.WriteAsync((_, batch, _) =>
        {
            batch.Add(Event("test.many", i));
            return Task.FromResult(i);
        }))));

        Assert.Equal(Enumerable.Range(0, 300), written.Select(w => w.Value));
        Assert.All(written, w => Assert.Equal(1, w.EventCount));
        Assert.Equal(Enumerable.Range((int)before, 300).Select(i => (long)i), written.Select(w => w.FirstIndex).Order());
        await using var check = app.CreateDbContext();
        var entries = (await RecordCheck.AssertConsistentAsync(check)).Skip((int)before).ToList();
        // Each caller's index holds its own event.
        foreach (var w in written) Assert.Equal(w.Value, Data(entries[(int)(w.FirstIndex - before)]).GetProperty("n").GetInt32());
        // The events of one group share its time: fewer times than events means commits were shared.
        var times = entries.Select(e => JsonDocument.Parse(e.Bytes).RootElement.GetProperty("time").GetString()).Distinct().Count();
        Assert.InRange(times, 1, 299);
    }

    [Fact]
    public async Task WriteAsync_Acknowledged_IsCommittedForEveryReader()
    {
        await using var writer = new RecordWriter(app.CreateDbContext, TimeProvider.System);
        var written = await writer.WriteAsync((db, batch, _) =>
        {
            db.Parties.Add(new Party { Key = "acknowledged" });
            batch.Add(Event("test.acknowledged", 0));
            return Task.FromResult(0);
        });

        await using var check = app.CreateDbContext();
        Assert.NotNull(await check.Parties.AsNoTracking().SingleOrDefaultAsync(p => p.Key == "acknowledged"));
        var entry = await check.RecordEntries.AsNoTracking().SingleAsync(e => e.Index == written.FirstIndex);
        Assert.Equal("test.acknowledged", JsonDocument.Parse(entry.Bytes).RootElement.GetProperty("type").GetString());
        await RecordCheck.AssertConsistentAsync(check);
    }

    [Fact]
    public async Task WriteAsync_OneOperationFailsInItsGroup_OnlyItsChangeAndEventsAreLeftOut()
    {
        await using (var db = app.CreateDbContext())
        {
            db.Parties.Add(new Party { Key = "stored-before" });
            await db.SaveChangesAsync();
        }
        await using var writer = new RecordWriter(app.CreateDbContext, TimeProvider.System);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = writer.WriteAsync(async (_, _, _) => { await gate.Task; return 0; });
        await Task.Delay(100); // the holding operation is running: the next ones queue up into one group

        var first = writer.WriteAsync((db, batch, _) => AddParty(db, batch, "group-first"));
        var duplicate = writer.WriteAsync((db, batch, _) => AddParty(db, batch, "stored-before"));
        var throwing = writer.WriteAsync<int>((db, batch, _) =>
        {
            db.Parties.Add(new Party { Key = "group-throwing" });
            batch.Add(Event("test.party", 0));
            throw new InvalidOperationException("This operation refuses.");
        });
        var last = writer.WriteAsync((db, batch, _) => AddParty(db, batch, "group-last"));
        gate.SetResult();
        await holding;

        // Its own failures reach each caller: the broken key from the save, the operation's own exception.
        await Assert.ThrowsAsync<DbUpdateException>(() => duplicate);
        Assert.Equal("This operation refuses.", (await Assert.ThrowsAsync<InvalidOperationException>(() => throwing)).Message);
        var (a, b) = (await first, await last);
        Assert.Equal(a.FirstIndex + 1, b.FirstIndex); // one group: the failed ones took no index between them

        await using var check = app.CreateDbContext();
        var keys = await check.Parties.AsNoTracking().Select(p => p.Key).Where(k => k.StartsWith("group-") || k == "stored-before").OrderBy(k => k).ToListAsync();
        Assert.Equal(["group-first", "group-last", "stored-before"], keys);
        var entries = await RecordCheck.AssertConsistentAsync(check);
        var subjects = entries.Select(e => JsonDocument.Parse(e.Bytes).RootElement.GetProperty("subject").GetString()).ToList();
        Assert.Contains("party/group-first", subjects);
        Assert.Contains("party/group-last", subjects);
        Assert.DoesNotContain("party/stored-before", subjects);
        Assert.DoesNotContain("test", subjects.Skip((int)a.FirstIndex));
    }

    [Fact]
    public async Task WriteAsync_CancelledWhileQueued_NeverRuns()
    {
        await using var writer = new RecordWriter(app.CreateDbContext, TimeProvider.System);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = writer.WriteAsync(async (_, _, _) => { await gate.Task; return 0; });
        await Task.Delay(100);

        using var giveUp = new CancellationTokenSource();
        var ran = false;
        var queued = writer.WriteAsync((db, batch, _) =>
        {
            ran = true;
            return AddParty(db, batch, "cancelled");
        }, giveUp.Token);
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        gate.SetResult();
        await holding;
        await writer.DisposeAsync(); // runs whatever is queued, then stops
        Assert.False(ran);
        await using var check = app.CreateDbContext();
        Assert.False(await check.Parties.AnyAsync(p => p.Key == "cancelled"));
        await RecordCheck.AssertConsistentAsync(check);
    }

    [Fact]
    public async Task WriteAsync_CommitFails_EveryOperationOfTheGroupFailsAndNothingIsStored()
    {
        await using var check = app.CreateDbContext();
        var before = await check.SnapshotAsync();
        var failing = new FailingCommit();
        await using var writer = new RecordWriter(() => CreateContext(failing), TimeProvider.System);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = writer.WriteAsync(async (_, _, _) => { await gate.Task; return 0; });
        await Task.Delay(100);

        var group = Enumerable.Range(0, 3).Select(i => writer.WriteAsync((db, batch, _) =>
        {
            // Armed by the group itself, so the holding operation's own commit still succeeds.
            failing.Armed = true;
            return AddParty(db, batch, $"uncommitted-{i}");
        })).ToList();
        gate.SetResult();
        await holding;

        foreach (var operation in group)
            Assert.Equal(FailingCommit.Message, (await Assert.ThrowsAsync<InvalidOperationException>(() => operation)).Message);
        Assert.Equal(1, failing.Failures);
        Assert.Equal(before, await check.SnapshotAsync());
    }

    [Fact]
    public async Task TheWebApp_HasOneRecordWriter_ThatAppendsToItsDatabase()
    {
        var writer = app.Services.GetRequiredService<RecordWriter>();
        Assert.Same(writer, app.Services.GetRequiredService<RecordWriter>());

        var written = await writer.WriteAsync((db, batch, _) => AddParty(db, batch, "through-the-app"));

        await using var check = app.CreateDbContext();
        var entry = await check.RecordEntries.AsNoTracking().SingleAsync(e => e.Index == written.FirstIndex);
        Assert.Equal("party/through-the-app", JsonDocument.Parse(entry.Bytes).RootElement.GetProperty("subject").GetString());
        await RecordCheck.AssertConsistentAsync(check);
    }

    private static Task<int> AddParty(PactaDbContext db, RecordBatch batch, string key)
    {
        db.Parties.Add(new Party { Key = key });
        batch.Add(new RecordEvent("test.party", new JsonObject { ["role"] = "test" }, $"party/{key}", new JsonObject { ["key"] = key }));
        return Task.FromResult(0);
    }

    private static RecordEvent Event(string type, int n) =>
        new(type, new JsonObject { ["role"] = "test" }, "test", new JsonObject { ["n"] = n });

    private static JsonElement Data(RecordEntry entry) => JsonDocument.Parse(entry.Bytes).RootElement.GetProperty("data").Clone();

    private PactaDbContext CreateContext(IInterceptor interceptor)
    {
        var options = new DbContextOptionsBuilder<PactaDbContext>();
        app.Settings.Configure(options);
        options.AddInterceptors(interceptor);
        return new PactaDbContext(options.Options);
    }

    /// <summary>Once armed, refuses the next commit (as a lost connection or a full disk would).</summary>
    private sealed class FailingCommit : DbTransactionInterceptor
    {
        public const string Message = "Simulated commit failure.";

        public bool Armed { get; set; }

        public int Failures { get; private set; }

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (!Armed) return ValueTask.FromResult(result);
            Armed = false;
            Failures++;
            throw new InvalidOperationException(Message);
        }
    }
}

public sealed class RecordWriterTestsOnSqlite(EmptySqliteApp app) : RecordWriterTests(app), IClassFixture<EmptySqliteApp>;

public sealed class RecordWriterTestsOnPostgres(EmptyPostgresApp app) : RecordWriterTests(app), IClassFixture<EmptyPostgresApp>;
