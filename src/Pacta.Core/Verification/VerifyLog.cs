using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Pacta.Core.Record.Merkle;
using Pacta.Core.Record.Notes;
using Pacta.Core.Record.Tiles;

namespace Pacta.Core.Verification;

/// <summary>
/// Verifies a C2SP tlog-tiles log without trusting its server: the checkpoint must be signed by the pinned
/// key, every entry bundle and tile is fetched, the tree is rebuilt from the entries alone and must have the
/// checkpoint's root, and, when an earlier verified checkpoint is known, the first leaves of the new tree must
/// still have that checkpoint's root (so a history rewritten and re-signed with the same key is caught).
/// </summary>
/// <remarks>
/// <para>Rules. The checkpoint's origin must be the key's name (Pacta always signs so; a note signed by the
/// same key for another origin is not this log). Every tile is compared with the one rebuilt from the
/// entries, so a server that serves tiles contradicting its entries is named even when the root matches.
/// A partial tile or bundle that answers 404 is read from the full one's prefix (a log may drop partial
/// tiles once full ones exist); a tile the checkpoint's tree holds that the log refuses outright (404) is a
/// problem, since the log fails to serve what it signed. Unreachable or erroring servers (anything but 200
/// and 404) throw <see cref="LogSourceException"/>: nothing was learnt.</para>
/// <para>Memory: bundles stream through a bounded window (<see cref="Concurrency"/>); only the hashes above
/// level 0 (one per 256 entries) and at most two level-0 tiles are kept.</para>
/// </remarks>
public sealed class VerifyLog(ILogSource source, NoteVerifier key)
{
    /// <summary>At most this many problems are listed; the rest are counted. One bad tile would otherwise list 256 entries.</summary>
    public const int MaxProblems = 100;

    private const int MaxTileBytes = TileLayout.TileWidth * Hash.Size;

    /// <summary>How many bundles are fetched and hashed at once.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Told after each bundle; called on the verifying task, in order.</summary>
    public IProgress<VerifyProgress>? Progress { get; init; }

    /// <summary>Receives every entry in order as it is read (the replay seam); see <see cref="IVerifiedEntrySink"/>.</summary>
    public IVerifiedEntrySink? Entries { get; init; }

    /// <summary>Verifies the log as it is now, against <paramref name="previous"/> when one is known.</summary>
    /// <exception cref="LogSourceException">The log could not be read, or serves no checkpoint and none was seen before.</exception>
    public async Task<LogVerification> RunAsync(VerifiedCheckpoint? previous, CancellationToken cancellationToken = default)
    {
        var problems = new ProblemList();
        var note = await source.GetAsync("checkpoint", SignedNote.MaxNoteBytes, cancellationToken);
        if (note is null)
        {
            if (previous is null) throw new LogSourceException("the log serves no checkpoint (404)");
            problems.Add("checkpoint", $"the log serves none, though it served size {previous.Size} on {Seen(previous)}");
            return problems.Result(null, null);
        }
        var checkpoint = Open(note, problems);
        if (checkpoint is null) return problems.Result(null, null);

        var size = checkpoint.TreeSize;
        var consistent = previous is not null && previous.Size <= size;
        if (previous is not null && previous.Size > size)
            problems.Add("history", $"rolled back: the checkpoint's size {size} is smaller than size {previous.Size} seen on {Seen(previous)}");

        // The two level-0 tiles a root can need: the partial one of this tree, and the one of the earlier tree.
        var keep = new HashSet<long>();
        if (size % TileLayout.TileWidth != 0) keep.Add(size / TileLayout.TileWidth);
        if (consistent && previous!.Size % TileLayout.TileWidth != 0) keep.Add(previous.Size / TileLayout.TileWidth);

        var rebuilt = await RebuildAsync(size, keep, problems, cancellationToken);
        await CheckUpperTilesAsync(size, rebuilt.Levels, problems, cancellationToken);
        if (rebuilt.Complete)
        {
            ReadOnlyMemory<Hash> Read(Tile tile) => tile.Level == 0
                ? rebuilt.LevelZero[tile.Index].AsMemory(0, tile.Width)
                : rebuilt.Levels[tile.Level - 1].AsMemory(checked((int)(tile.Index * TileLayout.TileWidth)), tile.Width);

            var root = MerkleTree.Root(size, new TileHashReader(size, Read));
            if (!root.AsSpan().SequenceEqual(checkpoint.RootHash))
                problems.Add("root", $"the tree rebuilt from the {size} entries has root {root.ToBase64()}, not the checkpoint's {Convert.ToBase64String(checkpoint.RootHash)}");
            if (consistent && previous!.Size > 0)
            {
                var earlier = MerkleTree.Root(previous.Size, new TileHashReader(previous.Size, Read));
                if (!string.Equals(earlier.ToBase64(), previous.Root, StringComparison.Ordinal))
                    problems.Add("history", $"rewritten: the first {previous.Size} entries no longer have the root {previous.Root} of the checkpoint seen on {Seen(previous)}; they now hash to {earlier.ToBase64()}");
            }
        }
        return problems.Result(checkpoint, Encoding.UTF8.GetString(note));
    }

    private Checkpoint? Open(byte[] note, ProblemList problems)
    {
        var pinned = $"{key.Name}+{NoteKey.FormatId(key.KeyId)}";
        try
        {
            var checkpoint = Checkpoint.Parse(SignedNote.Open(note, [key]).Text);
            if (string.Equals(checkpoint.Origin, key.Name, StringComparison.Ordinal)) return checkpoint;
            problems.Add("checkpoint", $"its origin '{checkpoint.Origin}' is not the name of the pinned key {pinned}");
        }
        catch (NoteFormatException e) when (e.Error == NoteError.NoVerifiableSignatures)
        {
            var signers = SignedNote.Parse(note).Signatures.Select(s => $"{s.Name}+{NoteKey.FormatId(s.KeyId)}").Distinct();
            problems.Add("checkpoint", $"not signed by the pinned key {pinned}; signed by an unknown key: {string.Join(", ", signers)}");
        }
        catch (NoteFormatException e)
        {
            problems.Add("checkpoint", e.Message);
        }
        return null;
    }

    private sealed record Rebuilt(bool Complete, Dictionary<long, Hash[]> LevelZero, List<Hash[]> Levels);

    /// <summary>Fetches every bundle with its level-0 tile, in a bounded window, and hashes the tree up from the entries.</summary>
    private async Task<Rebuilt> RebuildAsync(long size, HashSet<long> keep, ProblemList problems, CancellationToken cancellationToken)
    {
        var subtrees = new List<Hash>((int)Math.Min(size / TileLayout.TileWidth, int.MaxValue));
        var levelZero = new Dictionary<long, Hash[]>();
        var complete = true;
        var delivering = Entries is not null;
        long done = 0;

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var window = Channel.CreateBounded<Task<BundleWork>>(new BoundedChannelOptions(Math.Max(1, Concurrency - 1)) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var bundle in TileLayout.EntryBundles(size))
                    await window.Writer.WriteAsync(Task.Run(() => FetchBundleAsync(bundle, stop.Token), stop.Token), stop.Token);
            }
            finally
            {
                window.Writer.Complete();
            }
        }, stop.Token);

        try
        {
            await foreach (var pending in window.Reader.ReadAllAsync(cancellationToken))
            {
                var work = await pending;
                var bundle = work.Bundle;
                var first = bundle.Index * TileLayout.TileWidth;
                problems.AddRange(work.Problems);
                var leaves = work.Leaves;
                if (leaves is null)
                {
                    // The tree cannot be rebuilt without this bundle; keep going to name every other problem.
                    complete = false;
                    leaves = work.Served ?? new Hash[bundle.Width];
                }
                else if (work.Served is { } served)
                {
                    var tile = new Tile(0, bundle.Index, bundle.Width);
                    for (var i = 0; i < leaves.Length; i++)
                        if (!leaves[i].Equals(served[i]))
                            problems.Add($"entry {first + i}", $"its bytes do not hash to leaf {i} of {tile.Path}");
                }

                if (delivering)
                {
                    if (work.Entries is { } ranges)
                    {
                        var entries = new VerifiedEntry[ranges.Length];
                        for (var i = 0; i < ranges.Length; i++) entries[i] = new(first + i, work.Data.AsMemory(ranges[i]));
                        await Entries!.AddAsync(entries, cancellationToken);
                    }
                    else
                    {
                        // A gap would make every later entry mean something else to the consumer: stop here.
                        delivering = false;
                    }
                }

                if (!bundle.IsPartial) subtrees.Add(work.Leaves is null ? Fold(leaves) : work.Subtree);
                if (keep.Contains(bundle.Index)) levelZero[bundle.Index] = leaves;
                done += bundle.Width;
                Progress?.Report(new(done, size));
            }
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await producer;
            }
            catch (OperationCanceledException)
            {
                // Stopped early because the reader failed; that failure is what propagates.
            }
        }

        var levels = new List<Hash[]> { subtrees.ToArray() };
        while (levels[^1].Length >= TileLayout.TileWidth)
        {
            var below = levels[^1];
            var above = new Hash[below.Length / TileLayout.TileWidth];
            for (var k = 0; k < above.Length; k++) above[k] = Fold(below.AsSpan(k * TileLayout.TileWidth, TileLayout.TileWidth));
            levels.Add(above);
        }
        return new Rebuilt(complete, levelZero, levels);
    }

    private sealed class BundleWork(EntryBundle bundle)
    {
        public EntryBundle Bundle { get; } = bundle;
        public List<VerificationProblem> Problems { get; } = [];
        public byte[]? Data { get; set; }
        public Range[]? Entries { get; set; }
        public Hash[]? Leaves { get; set; }
        public Hash[]? Served { get; set; }
        public Hash Subtree { get; set; }
    }

    private async Task<BundleWork> FetchBundleAsync(EntryBundle bundle, CancellationToken cancellationToken)
    {
        var work = new BundleWork(bundle);
        var tile = FetchTileAsync(new Tile(0, bundle.Index, bundle.Width), work.Problems, cancellationToken);
        var (data, fromFull) = await FetchAsync(bundle.Path, bundle.IsPartial ? new EntryBundle(bundle.Index, TileLayout.TileWidth).Path : null,
            EntryBundleFormat.MaxBundleBytes, cancellationToken);
        if (data is null)
        {
            work.Problems.Add(new(bundle.Path, "the log does not serve this entry bundle (404), though the checkpoint's tree holds it"));
        }
        else
        {
            // A full bundle read in place of the partial one must be a well-formed full bundle; its prefix is used.
            var count = fromFull ? TileLayout.TileWidth : bundle.Width;
            var ranges = new Range[count];
            if (!EntryBundleFormat.TrySplit(data, count, ranges, out var error))
            {
                var path = fromFull ? new EntryBundle(bundle.Index, TileLayout.TileWidth).Path : bundle.Path;
                work.Problems.Add(new(path, $"malformed entry bundle: {error}"));
            }
            else
            {
                var leaves = new Hash[bundle.Width];
                for (var i = 0; i < leaves.Length; i++) leaves[i] = Hash.Leaf(data.AsSpan(ranges[i]));
                work.Data = data;
                work.Entries = fromFull ? ranges[..bundle.Width] : ranges;
                work.Leaves = leaves;
                if (!bundle.IsPartial) work.Subtree = Fold(leaves);
            }
        }
        work.Served = await tile;
        return work;
    }

    /// <summary>Compares every tile above level 0 with the hashes rebuilt from the entries.</summary>
    private async Task CheckUpperTilesAsync(long size, List<Hash[]> levels, ProblemList problems, CancellationToken cancellationToken)
    {
        var tiles = TileLayout.Tiles(size).Where(t => t.Level > 0).ToList();
        using var gate = new SemaphoreSlim(Math.Max(1, Concurrency));
        var fetched = await Task.WhenAll(tiles.Select(async tile =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var found = new List<VerificationProblem>();
                return (tile, hashes: await FetchTileAsync(tile, found, cancellationToken), found);
            }
            finally
            {
                gate.Release();
            }
        }));
        foreach (var (tile, served, found) in fetched)
        {
            problems.AddRange(found);
            if (served is null) continue;
            var rebuilt = levels[tile.Level - 1];
            var level = tile.Level * TileLayout.Height;
            for (var i = 0; i < served.Length; i++)
            {
                var index = tile.Index * TileLayout.TileWidth + i;
                if (!served[i].Equals(rebuilt[index]))
                    problems.Add(tile.Path, $"hash {i} (level {level}, index {index}) is not the one rebuilt from the entries");
            }
        }
    }

    /// <summary>A tile's hashes, exactly its width of them, from the full tile's prefix when the partial one is gone; null (and a problem) when it cannot be read.</summary>
    private async Task<Hash[]?> FetchTileAsync(Tile tile, List<VerificationProblem> problems, CancellationToken cancellationToken)
    {
        var full = new Tile(tile.Level, tile.Index, TileLayout.TileWidth);
        var (bytes, fromFull) = await FetchAsync(tile.Path, tile.IsPartial ? full.Path : null, MaxTileBytes, cancellationToken);
        if (bytes is null)
        {
            problems.Add(new(tile.Path, "the log does not serve this tile (404), though the checkpoint's tree holds it"));
            return null;
        }
        var width = fromFull ? TileLayout.TileWidth : tile.Width;
        if (!TileHashes.TryDecode(bytes, width, out var hashes))
        {
            problems.Add(new(fromFull ? full.Path : tile.Path, $"{bytes.Length} bytes, not {width} hashes of {Hash.Size} bytes"));
            return null;
        }
        return fromFull ? hashes[..tile.Width] : hashes;
    }

    private async Task<(byte[]? Bytes, bool FromFull)> FetchAsync(string path, string? fullPath, int maxBytes, CancellationToken cancellationToken)
    {
        var bytes = await source.GetAsync(path, maxBytes, cancellationToken);
        if (bytes is not null || fullPath is null) return (bytes, false);
        bytes = await source.GetAsync(fullPath, maxBytes, cancellationToken);
        return (bytes, bytes is not null);
    }

    /// <summary>The root of 256 consecutive hashes of one level: the hash 8 levels above them.</summary>
    private static Hash Fold(ReadOnlySpan<Hash> hashes)
    {
        Span<Hash> work = stackalloc Hash[TileLayout.TileWidth / 2];
        for (var j = 0; j < work.Length; j++) work[j] = Hash.Node(hashes[2 * j], hashes[2 * j + 1]);
        for (var count = work.Length; count > 1; count /= 2)
            for (var j = 0; j < count / 2; j++) work[j] = Hash.Node(work[2 * j], work[2 * j + 1]);
        return work[0];
    }

    private static string Seen(VerifiedCheckpoint checkpoint) =>
        checkpoint.VerifiedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private sealed class ProblemList
    {
        private readonly List<VerificationProblem> listed = [];
        private long count;

        public void Add(string subject, string message) => Add(new VerificationProblem(subject, message));

        public void Add(VerificationProblem problem)
        {
            count++;
            if (listed.Count < MaxProblems) listed.Add(problem);
        }

        public void AddRange(IEnumerable<VerificationProblem> problems)
        {
            foreach (var problem in problems) Add(problem);
        }

        public LogVerification Result(Checkpoint? checkpoint, string? note) => new(checkpoint, note, listed, count);
    }
}
