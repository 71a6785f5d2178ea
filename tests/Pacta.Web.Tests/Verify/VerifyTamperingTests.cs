using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Record.Merkle;
using Pacta.Core.Record.Notes;
using Pacta.Core.RecordKeys;
using Pacta.Core.RecordStore;
using Pacta.Web.Tests.Cli;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Verify;

/// <summary>Shared steps: a portal whose record verified once (state saved), before a test tampers with its database.</summary>
public abstract class TamperingTests(PactaApp app) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("pacta-verify-").FullName;

    protected PactaApp App { get; } = app;
    protected string State => Path.Combine(directory, "state.json");

    public void Dispose()
    {
        Directory.Delete(directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected async Task VerifiedOnceAsync()
    {
        await App.PublishAsync();
        var first = await VerifyAsync();
        Assert.True(first.ExitCode == 0, first.ToString());
    }

    protected Task<CliResult> VerifyAsync(string? state = null) =>
        VerifyRun.AgainstAsync(App, "--url", "http://localhost", "--key", App.VerifierKey(), "--state", state ?? State);

    protected Task<CliResult> VerifyWithoutStateAsync() => VerifyAsync(Path.Combine(directory, "fresh.json"));
}

/// <summary>An event's stored bytes edited in the database: the entry is named.</summary>
public abstract class VerifyEditedEntryTests(PactaApp app) : TamperingTests(app)
{
    [Fact]
    public async Task EditedEventBytes_FailNamingTheEntry()
    {
        await VerifiedOnceAsync();
        await using (var db = App.CreateDbContext())
        {
            var bytes = (await db.RecordEntries.AsNoTracking().SingleAsync(e => e.Index == 17)).Bytes;
            var edited = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\"actor\"", "\"aktor\"", StringComparison.Ordinal));
            Assert.NotEqual(bytes, edited);
            Assert.Equal(1, await db.RecordEntries.Where(e => e.Index == 17).ExecuteUpdateAsync(s => s.SetProperty(e => e.Bytes, edited)));
        }

        var result = await VerifyAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("entry 17: its bytes do not hash to leaf 17 of tile/0/000.p/44", result.OutputLines()[0]);
        Assert.StartsWith("root: the tree rebuilt from the 44 entries has root ", result.OutputLines()[1], StringComparison.Ordinal);
        // The checkpoint is the one seen before, but the entries under it changed since: the history says so too.
        Assert.StartsWith("history: rewritten: the first 44 entries no longer have the root ", result.OutputLines()[2], StringComparison.Ordinal);
        Assert.Matches("^FAILED: [^ ]+ size 44: 3 problems$", result.LastLine());
    }
}

/// <summary>An entity's public field edited in the database without an event: the record verifies, the portal does not match it.</summary>
public abstract class VerifyEditedEntityTests(PactaApp app) : TamperingTests(app)
{
    [Fact]
    public async Task CommitmentTitleEditedWithoutAnEvent_FailsNamingTheEntityAndField()
    {
        await VerifiedOnceAsync();
        long entry;
        await using (var db = App.CreateDbContext())
        {
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("""UPDATE "Commitments" SET "Title_Es" = 'Un título que nadie acordó' WHERE "Code" = 'DEMO02'"""));
            entry = await db.RecordEntries.Where(e => e.Subject == "commitment/DEMO02").MaxAsync(e => e.Index);
        }

        var result = await VerifyAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(result.OutputLines(), l => l.StartsWith("portal: ", StringComparison.Ordinal));
        Assert.Matches($"^portal: commitment/DEMO02: title\\.es: the record says \"[^\"]+\" \\(entry {entry}\\), the portal shows \"Un título que nadie acordó\"$", line);
        Assert.Matches("^FAILED: [^ ]+ size 44: 1 problem$", result.LastLine());
    }
}

/// <summary>
/// The last entries deleted, the tree recomputed, the same events appended again at another time and a checkpoint
/// signed with the same key:
/// a self-consistent log that only the saved checkpoint shows to be a rewrite.
/// </summary>
public abstract class VerifyRewrittenHistoryTests(PactaApp app) : TamperingTests(app)
{
    private const int Kept = 40;

    [Fact]
    public async Task TruncatedRecomputedAndResigned_FailsAgainstTheState_ButPassesWithout()
    {
        await VerifiedOnceAsync();
        List<RecordEvent> rewritten;
        await using (var db = App.CreateDbContext())
        {
            // The rewrite says the same things at another time: a history the portal agrees with, but not the one signed.
            rewritten = [.. (await db.RecordEntries.AsNoTracking().Where(e => e.Index >= Kept).OrderBy(e => e.Index).Select(e => e.Bytes).ToListAsync())
                .Select(bytes => JsonNode.Parse(bytes)!.AsObject())
                .Select(e => new RecordEvent(e["type"]!.GetValue<string>(), e["actor"]!.AsObject(), e["subject"]!.GetValue<string>(), e["data"]!.AsObject()))];
            var kept = await db.RecordEntries.AsNoTracking().Where(e => e.Index < Kept).OrderBy(e => e.Index).Select(e => e.LeafHash).ToListAsync();
            var tree = new MemoryHashStore();
            foreach (var leaf in kept) tree.Append(new Hash(leaf));
            var root = MerkleTree.Root(Kept, tree).ToArray();
            await db.RecordEntries.Where(e => e.Index >= Kept).ExecuteDeleteAsync();
            // A stored hash at level L, index I covers leaves up to (I+1)·2^L: those not complete at size 40 go.
            for (var level = 0; level < 63; level++)
            {
                var first = (long)Kept >> level;
                await db.RecordHashes.Where(h => h.Level == level && h.Index >= first).ExecuteDeleteAsync();
            }
            await db.Checkpoints.ExecuteDeleteAsync();
            await db.RecordHeads.ExecuteUpdateAsync(s => s.SetProperty(h => h.Size, Kept).SetProperty(h => h.Root, root));
        }
        await using (var db = App.CreateDbContext())
        {
            await using var transaction = await db.BeginWriteTransactionAsync();
            await new RecordAppender(db, TimeProvider.System).AppendAsync(rewritten);
            await transaction.CommitAsync();
        }
        await App.PublishAsync();
        Assert.Equal(44, await App.RecordSizeAsync());

        var result = await VerifyAsync();
        var fresh = await VerifyWithoutStateAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("history: rewritten: the first 44 entries no longer have the root ", result.OutputLines()[0], StringComparison.Ordinal);
        Assert.Matches("^FAILED: [^ ]+ size 44: 1 problem$", result.LastLine());
        // Without the saved checkpoint nothing is wrong: the record is self-consistent and the portal agrees with it.
        Assert.True(fresh.ExitCode == 0, fresh.ToString());
        Assert.Matches("^verified: [^ ]+ size 44 root ", fresh.LastLine());
    }
}

/// <summary>A checkpoint signed with another key, stored as the newest: refused, naming the key.</summary>
public abstract class VerifyOtherKeyTests(PactaApp app) : TamperingTests(app)
{
    [Fact]
    public async Task CheckpointSignedWithAnotherKey_Fails()
    {
        await VerifiedOnceAsync();
        var origin = NoteVerifier.Parse(App.VerifierKey()).Name;
        using var other = NoteSigner.Generate(origin);
        await using (var db = App.CreateDbContext())
        {
            var head = await db.RecordHeads.AsNoTracking().SingleAsync();
            var text = CheckpointSigning.Sign(other, origin, head.Size, new Hash(head.Root));
            Assert.Equal(1, await db.Checkpoints.Where(c => c.Size == head.Size).ExecuteUpdateAsync(s => s.SetProperty(c => c.Text, text)));
        }

        var result = await VerifyAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal($"checkpoint: not signed by the pinned key {NoteVerifier.Parse(App.VerifierKey()).Name}+{App.VerifierKey().Split('+')[1]}; signed by an unknown key: {other}",
            result.OutputLines()[0]);
        Assert.EndsWith(": 1 problem", result.LastLine(), StringComparison.Ordinal);
    }
}

public sealed class VerifyEditedEntryTestsOnSqlite(SqliteApp app) : VerifyEditedEntryTests(app), IClassFixture<SqliteApp>;

public sealed class VerifyEditedEntryTestsOnPostgres(PostgresApp app) : VerifyEditedEntryTests(app), IClassFixture<PostgresApp>;

public sealed class VerifyEditedEntityTestsOnSqlite(SqliteApp app) : VerifyEditedEntityTests(app), IClassFixture<SqliteApp>;

public sealed class VerifyEditedEntityTestsOnPostgres(PostgresApp app) : VerifyEditedEntityTests(app), IClassFixture<PostgresApp>;

public sealed class VerifyRewrittenHistoryTestsOnSqlite(SqliteApp app) : VerifyRewrittenHistoryTests(app), IClassFixture<SqliteApp>;

public sealed class VerifyRewrittenHistoryTestsOnPostgres(PostgresApp app) : VerifyRewrittenHistoryTests(app), IClassFixture<PostgresApp>;

public sealed class VerifyOtherKeyTestsOnSqlite(SqliteApp app) : VerifyOtherKeyTests(app), IClassFixture<SqliteApp>;

public sealed class VerifyOtherKeyTestsOnPostgres(PostgresApp app) : VerifyOtherKeyTests(app), IClassFixture<PostgresApp>;
