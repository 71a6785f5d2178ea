using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Pacta.Core.Data;
using Pacta.Core.Record.Merkle;
using Pacta.Core.RecordStore;

namespace Pacta.Bench.RecordAppend;

/// <summary>
/// Inclusion proof latency read from the database at <c>--entries</c> entries (1,000,000 by default),
/// through the reads of <c>/api/v1/record/entries/{index}</c>: the newest checkpoint, the entry, the
/// proof's stored hashes in one query (<see cref="RecordQueries.ReadHashesAsync"/>), then
/// <see cref="MerkleTree.InclusionProof(long, long, ReadOnlySpan{Hash})"/>; each with a context from a pool,
/// as a request gets one. A record smaller than that is first filled with large appends.
/// </summary>
internal static class ProofLatency
{
    private const int FillChunk = 20_000;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        await options.PrepareAsync();
        var contextOptions = options.ContextOptions;
        Console.WriteLine($"record-append proofs: {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}, {Environment.ProcessorCount} cores, {options.Provider}, {options.Entries:N0} entries");
        var (size, root) = await FillAsync(contextOptions, options.Entries);

        var pool = new PooledDbContextFactory<PactaDbContext>(contextOptions);
        var random = new Random(1);
        var warmup = Enumerable.Range(0, Math.Min(options.Proofs, 2_000)).Select(_ => random.NextInt64(size)).ToArray();
        foreach (var index in warmup) await ProveAsync(pool, index, size);

        var indexes = Enumerable.Range(0, options.Proofs).Select(_ => random.NextInt64(size)).ToArray();
        var times = new double[indexes.Length];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < indexes.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await ProveAsync(pool, indexes[i], size);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        total.Stop();

        // Outside the timing: every proof of a sample checks against the head's root.
        foreach (var index in indexes.Take(1_000))
        {
            var (leaf, proof) = await ProveAsync(pool, index, size);
            if (MerkleProof.VerifyInclusion(index, size, leaf, proof, root) != ProofResult.Valid)
                throw new InvalidOperationException($"The inclusion proof of entry {index} does not verify.");
        }
        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"inclusion proofs at {size:N0} entries, one at a time: {indexes.Length / total.Elapsed.TotalSeconds:N0}/s, " +
            $"p50 {AppendThroughput.Percentile(times, 0.50):N3} ms, p99 {AppendThroughput.Percentile(times, 0.99):N3} ms (1,000 verified)"));
        return 0;
    }

    private static async Task<(Hash Leaf, Hash[] Proof)> ProveAsync(PooledDbContextFactory<PactaDbContext> pool, long index, long size)
    {
        await using var db = await pool.CreateDbContextAsync();
        // The endpoint proves to the newest checkpoint's size; here there may be none, but the query is made all the same.
        _ = await db.NewestCheckpointAsync(CancellationToken.None);
        var entry = await db.RecordEntries.AsNoTracking().SingleAsync(e => e.Index == index);
        var proof = MerkleTree.InclusionProof(index, size, await db.ReadHashesAsync(MerkleTree.InclusionPositions(index, size), CancellationToken.None));
        return (new Hash(entry.LeafHash), proof);
    }

    /// <summary>Appends until the record has <paramref name="entries"/> entries, in transactions of <see cref="FillChunk"/>.</summary>
    private static async Task<(long Size, Hash Root)> FillAsync(DbContextOptions<PactaDbContext> contextOptions, long entries)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using var db = new PactaDbContext(contextOptions);
            var head = await db.RecordHeads.AsNoTracking().SingleAsync();
            if (head.Size >= entries)
            {
                if (clock.Elapsed.TotalSeconds > 1) Console.WriteLine($"filled in {clock.Elapsed.TotalSeconds:N0} s");
                return (head.Size, new Hash(head.Root));
            }
            var count = (int)Math.Min(FillChunk, entries - head.Size);
            var events = Enumerable.Range(0, count).Select(i => AppendLoop.Event(0, 0, head.Size + i)).ToList();
            await using var transaction = await db.BeginWriteTransactionAsync();
            await new RecordAppender(db, TimeProvider.System).AppendAsync(events);
            await transaction.CommitAsync();
            if ((head.Size + count) % 100_000 == 0) await Console.Error.WriteLineAsync($"filled {head.Size + count:N0} in {clock.Elapsed.TotalSeconds:N0} s");
        }
    }
}
