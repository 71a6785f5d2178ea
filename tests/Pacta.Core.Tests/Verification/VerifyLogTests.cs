using System.Text;
using Pacta.Core.Record.Merkle;
using Pacta.Core.Record.Notes;
using Pacta.Core.Verification;

namespace Pacta.Core.Tests.Verification;

public sealed class VerifyLogTests : IDisposable
{
    private readonly NoteSigner signer = NoteSigner.Generate("example.org/pacta");

    public void Dispose() => signer.Dispose();

    private MemoryLog Log(long size) => new MemoryLog(signer).Grow(size);

    private static Task<LogVerification> VerifyAsync(MemoryLog log, NoteVerifier key, VerifiedCheckpoint? previous = null, IVerifiedEntrySink? sink = null) =>
        new VerifyLog(log, key) { Entries = sink }.RunAsync(previous);

    private static IEnumerable<string> Lines(LogVerification result) => result.Problems.Select(p => p.ToString());

    private static VerifiedCheckpoint Saved(LogVerification result) => new(
        result.Checkpoint!.TreeSize, Convert.ToBase64String(result.Checkpoint.RootHash), result.CheckpointNote!, new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(43)]
    [InlineData(256)]
    [InlineData(300)]
    [InlineData(65536)]
    [InlineData(70001)]
    public async Task WholeLog_Verifies_AndEveryServedTileWasRead(long size)
    {
        var log = Log(size);

        var result = await VerifyAsync(log, signer.Verifier);

        Assert.Empty(Lines(result));
        Assert.True(result.Verified);
        Assert.Equal(size, result.Checkpoint!.TreeSize);
        Assert.Equal(log.Files.Keys.Order(), log.Requests.Order());
    }

    [Fact]
    public async Task EntryBytesEdited_NamesTheEntryAndTheRoot()
    {
        var log = Log(43);
        var bundle = log.Files["tile/entries/000.p/43"];
        bundle[bundle.AsSpan().IndexOf("\"entry\":17,"u8) + 9] = (byte)'8';

        var result = await VerifyAsync(log, signer.Verifier);

        Assert.False(result.Verified);
        Assert.Equal("entry 17: its bytes do not hash to leaf 17 of tile/0/000.p/43", Lines(result).First());
        Assert.StartsWith("root: the tree rebuilt from the 43 entries has root ", Lines(result).Last(), StringComparison.Ordinal);
        Assert.Equal(2, result.ProblemCount);
    }

    [Fact]
    public async Task UpperTileHashEdited_NamesTheTileAndIndex()
    {
        var log = Log(300);
        log.Files["tile/1/000.p/1"][5] ^= 1;

        var result = await VerifyAsync(log, signer.Verifier);

        Assert.Equal(["tile/1/000.p/1: hash 0 (level 8, index 0) is not the one rebuilt from the entries"], Lines(result));
    }

    [Fact]
    public async Task PartialTileAndBundleGone_FullOnesServeTheirPrefix()
    {
        var log = Log(300);
        var checkpoint = log.Files["checkpoint"];
        log.Grow(300);
        log.Files["checkpoint"] = checkpoint;
        Assert.True(log.Files.Remove("tile/0/001.p/44"));
        Assert.True(log.Files.Remove("tile/entries/001.p/44"));

        var result = await VerifyAsync(log, signer.Verifier);

        Assert.Empty(Lines(result));
        Assert.Contains("tile/0/001", log.Requests);
        Assert.Contains("tile/entries/001", log.Requests);
    }

    [Fact]
    public async Task FullTileFallbackWithOtherPrefix_IsCaught()
    {
        var log = Log(300);
        var checkpoint = log.Files["checkpoint"];
        log.Grow(300);
        log.Files["checkpoint"] = checkpoint;
        log.Files.Remove("tile/0/001.p/44");
        log.Files["tile/0/001"][32 * 3] ^= 1;

        var result = await VerifyAsync(log, signer.Verifier);

        Assert.Equal(["entry 259: its bytes do not hash to leaf 3 of tile/0/001.p/44"], Lines(result));
    }

    [Fact]
    public async Task PromisedTileRefused_IsAProblemNamingIt()
    {
        var log = Log(43);
        log.Files.Remove("tile/0/000.p/43");

        var result = await VerifyAsync(log, signer.Verifier);

        Assert.Equal(["tile/0/000.p/43: the log does not serve this tile (404), though the checkpoint's tree holds it"], Lines(result));
        Assert.False(result.Verified);
    }

    [Fact]
    public async Task BundleWithATrailingByte_IsMalformed()
    {
        var log = Log(43);
        log.Files["tile/entries/000.p/43"] = [.. log.Files["tile/entries/000.p/43"], 0];

        var result = await VerifyAsync(log, signer.Verifier);

        Assert.Equal(["tile/entries/000.p/43: malformed entry bundle: 1 bytes follow its 43 entries"], Lines(result));
    }

    [Fact]
    public async Task TileOfTheWrongLength_IsAProblem()
    {
        var log = Log(43);
        log.Files["tile/0/000.p/43"] = log.Files["tile/0/000.p/43"][..^1];

        var result = await VerifyAsync(log, signer.Verifier);

        Assert.Equal(["tile/0/000.p/43: 1375 bytes, not 43 hashes of 32 bytes"], Lines(result));
    }

    [Fact]
    public async Task CheckpointSignedWithAnotherKey_IsRefusedNamingTheSigner()
    {
        var log = Log(43);
        using var other = NoteSigner.Generate("example.org/pacta");
        log.Files["checkpoint"] = log.SignCheckpoint(other.Name, 43, log.Root, other);

        var result = await VerifyAsync(log, signer.Verifier);

        Assert.Null(result.Checkpoint);
        Assert.Equal([$"checkpoint: not signed by the pinned key {signer}; signed by an unknown key: {other}"], Lines(result));
    }

    [Fact]
    public async Task CheckpointOfAnotherOrigin_IsRefused()
    {
        var log = Log(43);
        log.Files["checkpoint"] = log.SignCheckpoint("example.org/other", 43, log.Root);

        var result = await VerifyAsync(log, signer.Verifier);

        Assert.Equal([$"checkpoint: its origin 'example.org/other' is not the name of the pinned key {signer}"], Lines(result));
    }

    [Fact]
    public async Task CheckpointWithASizeOfLeadingZero_IsRefused()
    {
        var log = Log(43);
        var text = $"example.org/pacta\n043\n{log.Root.ToBase64()}\n";
        log.Files["checkpoint"] = SignedNote.Sign(text, signer);

        var result = await VerifyAsync(log, signer.Verifier);

        Assert.Equal(["checkpoint: malformed checkpoint: tree size must be decimal digits with no sign, space or leading zero"], Lines(result));
    }

    [Fact]
    public async Task GrownSinceTheLastRun_IsConsistent()
    {
        var log = Log(43);
        var first = await VerifyAsync(log, signer.Verifier);
        log.Grow(70000);

        var second = await VerifyAsync(log, signer.Verifier, Saved(first));

        Assert.Empty(Lines(second));
        Assert.True(second.Verified);
    }

    [Fact]
    public async Task HistoryRewrittenAndResigned_IsCaughtByTheSavedCheckpoint()
    {
        var first = await VerifyAsync(Log(43), signer.Verifier);
        // The same key signs a log whose entry 40 differs, then grows past the saved size.
        var rewritten = new MemoryLog(signer).Grow(300, i => i == 40 ? Encoding.UTF8.GetBytes("{\"rewritten\":true}") : MemoryLog.Entry(i));

        var alone = await VerifyAsync(rewritten, signer.Verifier);
        var result = await VerifyAsync(rewritten, signer.Verifier, Saved(first));

        Assert.True(alone.Verified);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("history", problem.Subject);
        Assert.StartsWith($"rewritten: the first 43 entries no longer have the root {Convert.ToBase64String(first.Checkpoint!.RootHash)} of the checkpoint seen on 2026-11-20 09:30 UTC; they now hash to ",
            problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameSizeOtherRoot_IsARewrite()
    {
        var first = await VerifyAsync(Log(43), signer.Verifier);
        var rewritten = new MemoryLog(signer).Grow(43, i => i == 0 ? "{}"u8.ToArray() : MemoryLog.Entry(i));

        var result = await VerifyAsync(rewritten, signer.Verifier, Saved(first));

        Assert.Equal("history", Assert.Single(result.Problems).Subject);
    }

    [Fact]
    public async Task SmallerThanTheLastRun_IsARollback()
    {
        var first = await VerifyAsync(Log(300), signer.Verifier);

        var result = await VerifyAsync(Log(43), signer.Verifier, Saved(first));

        Assert.Equal(["history: rolled back: the checkpoint's size 43 is smaller than size 300 seen on 2026-11-20 09:30 UTC"], Lines(result));
    }

    [Fact]
    public async Task NoCheckpoint_WithoutHistory_CannotBeVerified_AndWithHistory_IsAProblem()
    {
        var log = Log(43);
        var first = await VerifyAsync(log, signer.Verifier);
        log.Files.Remove("checkpoint");

        await Assert.ThrowsAsync<LogSourceException>(() => VerifyAsync(log, signer.Verifier));
        var result = await VerifyAsync(log, signer.Verifier, Saved(first));
        Assert.Equal(["checkpoint: the log serves none, though it served size 43 on 2026-11-20 09:30 UTC"], Lines(result));
    }

    [Fact]
    public async Task ManyBadEntries_AreCountedBeyondTheListed()
    {
        var log = Log(300);
        log.Files["tile/0/000"] = new byte[256 * Hash.Size];

        var result = await VerifyAsync(log, signer.Verifier);

        Assert.Equal(VerifyLog.MaxProblems, result.Problems.Count);
        Assert.Equal(256, result.ProblemCount);
        Assert.False(result.Verified);
    }

    [Fact]
    public async Task Sink_ReceivesEveryEntryInOrder_WithItsExactBytes()
    {
        var log = Log(600);
        var sink = new CollectingSink();

        var result = await VerifyAsync(log, signer.Verifier, sink: sink);

        Assert.True(result.Verified);
        Assert.Equal(Enumerable.Range(0, 600).Select(i => (long)i), sink.Entries.Select(e => e.Index));
        Assert.All(sink.Entries, e => Assert.Equal(MemoryLog.Entry(e.Index), e.Bytes));
        Assert.Equal([256, 256, 88], sink.Batches);
    }

    private sealed class CollectingSink : IVerifiedEntrySink
    {
        public List<(long Index, byte[] Bytes)> Entries { get; } = [];
        public List<int> Batches { get; } = [];

        public ValueTask AddAsync(ReadOnlyMemory<VerifiedEntry> entries, CancellationToken cancellationToken)
        {
            Batches.Add(entries.Length);
            foreach (var entry in entries.Span) Entries.Add((entry.Index, entry.Bytes.ToArray()));
            return ValueTask.CompletedTask;
        }
    }
}
