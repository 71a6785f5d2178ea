using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;
using Pacta.Core.RecordStore;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Record;

/// <summary>
/// Several writers at once, each with its own context and connection (as several requests or several
/// processes would be): every append gets its own index, with no gap and no duplicate, and the root
/// still matches the entries. Its own class, on an empty database.
/// </summary>
public abstract class RecordConcurrencyTests(PactaApp app)
{
    private const int Writers = 8;
    private const int AppendsEach = 50;

    [Fact]
    public async Task Append_EightWritersAtOnce_NumberEveryEventOnceWithoutGaps()
    {
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(0, (await db.RecordHeads.AsNoTracking().SingleAsync()).Size);
        }
        using var start = new SemaphoreSlim(0, Writers);
        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            await start.WaitAsync();
            await using var db = app.CreateDbContext();
            var appender = new RecordAppender(db, TimeProvider.System);
            for (var i = 0; i < AppendsEach; i++)
            {
                await using var transaction = await db.BeginWriteTransactionAsync();
                await appender.AppendAsync([RecordAtomicityTests.Event($"test.writer{writer}.append{i}")]);
                await transaction.CommitAsync();
            }
        })).ToList();
        var clock = Stopwatch.StartNew();
        start.Release(Writers);
        await Task.WhenAll(writers);
        clock.Stop();

        await using var check = app.CreateDbContext();
        var entries = await RecordCheck.AssertConsistentAsync(check);
        Assert.Equal(Writers * AppendsEach, entries.Count);
        var types = entries.Select(e => System.Text.Json.JsonDocument.Parse(e.Bytes).RootElement.GetProperty("type").GetString()).ToHashSet();
        Assert.Equal(Writers * AppendsEach, types.Count);
        Console.WriteLine($"{app.Provider}: {Writers * AppendsEach} appends by {Writers} writers in {clock.ElapsedMilliseconds} ms");
    }
}

public sealed class RecordConcurrencyTestsOnSqlite(EmptySqliteApp app) : RecordConcurrencyTests(app), IClassFixture<EmptySqliteApp>;

public sealed class RecordConcurrencyTestsOnPostgres(EmptyPostgresApp app) : RecordConcurrencyTests(app), IClassFixture<EmptyPostgresApp>;

/// <summary>
/// <see cref="PactaDbContext.BeginWriteTransactionAsync"/> on SQLite takes the write lock at BEGIN
/// (<c>BEGIN IMMEDIATE</c>): a second writer cannot even begin while the first is open. Were it
/// deferred, both would begin and the second would fail later, mid-operation, with "database is locked".
/// </summary>
public sealed class WriteTransactionTests(EmptySqliteApp app) : IClassFixture<EmptySqliteApp>
{
    [Fact]
    public async Task BeginWriteTransaction_OnSqlite_TakesTheWriteLockAtBegin()
    {
        await using var first = app.CreateDbContext();
        await using var firstTransaction = await first.BeginWriteTransactionAsync();
        // One second of busy waiting instead of the default 30, so the refusal comes quickly.
        var impatient = app.Settings with
        {
            ConnectionString = new SqliteConnectionStringBuilder(app.Settings.ConnectionString) { DefaultTimeout = 1, Pooling = false }.ToString(),
        };
        await using var second = impatient.CreateContext();

        var error = await Assert.ThrowsAsync<SqliteException>(() => second.BeginWriteTransactionAsync());

        Assert.Equal(5, error.SqliteErrorCode); // SQLITE_BUSY
    }
}
