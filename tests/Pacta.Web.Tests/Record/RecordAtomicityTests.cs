using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Pacta.Core.Data;
using Pacta.Core.ForumDocuments;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Record;

/// <summary>
/// On an empty database: an import that fails after its events were built and stored leaves neither
/// the change nor any event; a later import succeeds; a changed document appends one event for the
/// one entity it changes. Its own class, since it writes the database in sequence.
/// </summary>
public abstract class RecordAtomicityTests(PactaApp app)
{
    [Fact]
    public async Task Import_FailingAtTheHeadUpdate_ThenSucceeding_ThenChangingOneCommitment()
    {
        var document = await File.ReadAllBytesAsync(RepositoryFiles.Path("testdata", "sample-plan.json"));
        var forum = await File.ReadAllBytesAsync(RepositoryFiles.Path("testdata", "mx-forum.json"));
        await using (var db = app.CreateDbContext())
        {
            Assert.True((await new ImportForumDocument(db).ExecuteAsync("mx-forum.json", forum)).Succeeded);
        }
        await using var check = app.CreateDbContext();
        var before = await check.SnapshotAsync();
        var sizeBefore = (await check.RecordHeads.AsNoTracking().SingleAsync()).Size;

        // The head update is the import's last command: by then the entities, entries and hashes are written.
        var failing = new FailingCommand("UPDATE \"RecordHead\"");
        await using (var db = CreateContext(failing))
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => new ImportForumDocument(db).ExecuteAsync("sample-plan.json", document));
        }
        Assert.True(failing.Failed);
        Assert.Equal(before, await check.SnapshotAsync());

        await using (var db = app.CreateDbContext())
        {
            Assert.True((await new ImportForumDocument(db).ExecuteAsync("sample-plan.json", document)).Succeeded);
        }
        var entries = await RecordCheck.AssertConsistentAsync(check);
        Assert.True(entries.Count > sizeBefore);

        var changed = JsonNode.Parse(document)!;
        var commitment = changed["plans"]![0]!["commitments"]![0]!;
        commitment["title"]!["en"] = "A changed title";
        await using (var db = app.CreateDbContext())
        {
            var result = await new ImportForumDocument(db).ExecuteAsync("sample-plan.json", JsonSerializer.SerializeToUtf8Bytes(changed));
            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        }
        var after = await RecordCheck.AssertConsistentAsync(check);
        var added = Assert.Single(after.Skip(entries.Count));
        var root = JsonDocument.Parse(added.Bytes).RootElement;
        Assert.Equal("commitment.imported", root.GetProperty("type").GetString());
        Assert.Equal($"commitment/{commitment["code"]!.GetValue<string>()}", root.GetProperty("subject").GetString());
        Assert.Equal("A changed title", root.GetProperty("data").GetProperty("title").GetProperty("en").GetString());
    }

    [Fact]
    public async Task Append_OntoAStrayEntryAtTheNextIndex_FailsAndLeavesNothing()
    {
        await using var check = app.CreateDbContext();
        var head = await check.RecordHeads.AsNoTracking().SingleAsync();
        // A row at the index the next append will take: the primary key is the second line of defence.
        check.RecordEntries.Add(new Pacta.Core.RecordStore.RecordEntry { Index = head.Size, Bytes = [1], LeafHash = new byte[32], Subject = "stray" });
        await check.SaveChangesAsync();
        check.ChangeTracker.Clear();
        var before = await check.SnapshotAsync();

        await using (var db = app.CreateDbContext())
        {
            var appender = new Pacta.Core.RecordStore.RecordAppender(db, TimeProvider.System);
            await using var transaction = await db.BeginWriteTransactionAsync();
            await Assert.ThrowsAsync<DbUpdateException>(() => appender.AppendAsync([Event("test.stray")]));
        }

        Assert.Equal(before, await check.SnapshotAsync());
        await check.RecordEntries.Where(e => e.Index == head.Size).ExecuteDeleteAsync();
    }

    internal static Pacta.Core.RecordStore.RecordEvent Event(string type) =>
        new(type, new JsonObject { ["role"] = "test" }, "test", new JsonObject());

    private PactaDbContext CreateContext(DbCommandInterceptor interceptor)
    {
        var options = new DbContextOptionsBuilder<PactaDbContext>();
        app.Settings.Configure(options);
        options.AddInterceptors(interceptor);
        return new PactaDbContext(options.Options);
    }

    /// <summary>Throws instead of running the first command that starts with <paramref name="prefix"/>.</summary>
    private sealed class FailingCommand(string prefix) : DbCommandInterceptor
    {
        public bool Failed { get; private set; }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.TrimStart().StartsWith(prefix, StringComparison.Ordinal))
            {
                Failed = true;
                throw new InvalidOperationException("Simulated failure at the record head update.");
            }
            return ValueTask.FromResult(result);
        }
    }
}

public sealed class RecordAtomicityTestsOnSqlite(EmptySqliteApp app) : RecordAtomicityTests(app), IClassFixture<EmptySqliteApp>;

public sealed class RecordAtomicityTestsOnPostgres(EmptyPostgresApp app) : RecordAtomicityTests(app), IClassFixture<EmptyPostgresApp>;
