using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;
using Pacta.Core.Record.Merkle;
using Pacta.Core.RecordStore;

namespace Pacta.Web.Tests.Record;

/// <summary>What every record test checks of a stored record: no gap, no duplicate, and one root three ways.</summary>
internal static class RecordCheck
{
    /// <summary>
    /// Asserts entries are numbered 0..size-1, each leaf hash is SHA-256(0x00 || bytes), and the head's
    /// root equals both the root folded from the stored hashes and the root of a tree rebuilt in memory
    /// from the entry bytes alone. Returns the entries.
    /// </summary>
    public static async Task<List<RecordEntry>> AssertConsistentAsync(PactaDbContext db)
    {
        var head = await db.RecordHeads.AsNoTracking().SingleAsync();
        var entries = await db.RecordEntries.AsNoTracking().OrderBy(e => e.Index).ToListAsync();
        Assert.Equal(head.Size, entries.Count);
        Assert.Equal(Enumerable.Range(0, entries.Count).Select(i => (long)i), entries.Select(e => e.Index));

        var rebuilt = new MemoryHashStore();
        foreach (var entry in entries)
        {
            var leaf = Hash.Leaf(entry.Bytes);
            Assert.Equal(leaf.ToArray(), entry.LeafHash);
            rebuilt.Append(leaf);
        }
        var stored = new TableReader(await db.RecordHashes.AsNoTracking().ToListAsync());

        Assert.Equal(MerkleTree.Root(head.Size, rebuilt), new Hash(head.Root));
        Assert.Equal(MerkleTree.Root(head.Size, stored), new Hash(head.Root));
        // Exactly the hashes the tlog layout stores: nothing missing, nothing extra.
        Assert.Equal(ExpectedStoredCount(head.Size), stored.Count);
        return entries;
    }

    private static long ExpectedStoredCount(long size)
    {
        long count = 0;
        for (var level = 0; level < 63 && (size >> level) > 0; level++) count += size >> level;
        return count;
    }

    private sealed class TableReader(List<RecordHash> rows) : IHashReader
    {
        private readonly Dictionary<HashPosition, Hash> _hashes = rows.ToDictionary(r => new HashPosition(r.Level, r.Index), r => new Hash(r.Hash));

        public int Count => _hashes.Count;

        public void ReadHashes(ReadOnlySpan<HashPosition> positions, Span<Hash> hashes)
        {
            for (var i = 0; i < positions.Length; i++) hashes[i] = _hashes[positions[i]];
        }
    }
}
