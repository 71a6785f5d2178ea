namespace Pacta.Core.Record.Merkle;

/// <summary>
/// Stored hashes held in memory, one growing list per level: for the verifier rebuilding a log
/// it downloaded, for tests and for benchmarks. Not thread-safe; appends are sequential by nature.
/// </summary>
public sealed class MemoryHashStore : IHashReader
{
    private readonly List<List<Hash>> _levels = [];

    /// <summary>The number of leaves appended so far.</summary>
    public long Size => _levels.Count == 0 ? 0 : _levels[0].Count;

    /// <summary>Appends a leaf by its hash and stores every hash it completes. Returns the leaf's index.</summary>
    public long Append(in Hash leafHash)
    {
        var index = Size;
        var reads = MerkleTree.AppendReadCount(index);
        // At most 63 siblings and 64 new hashes: the stack holds them, so an append allocates nothing
        // but list growth.
        Span<HashPosition> positions = stackalloc HashPosition[reads];
        Span<Hash> siblings = stackalloc Hash[reads];
        Span<StoredHash> created = stackalloc StoredHash[reads + 1];
        for (var level = 0; level < reads; level++) positions[level] = new(level, (index >> level) - 1);
        ReadHashes(positions, siblings);
        var count = MerkleTree.Append(index, leafHash, siblings, created);
        foreach (var stored in created[..count]) Store(stored);
        return index;
    }

    /// <summary>Stores one hash; positions must arrive in order within each level, as appends produce them.</summary>
    public void Store(in StoredHash stored)
    {
        var (level, index) = stored.Position;
        while (_levels.Count <= level) _levels.Add([]);
        var list = _levels[level];
        if (index != list.Count) throw new InvalidOperationException($"Level {level} holds {list.Count} hashes; cannot store index {index}.");
        list.Add(stored.Hash);
    }

    /// <inheritdoc />
    public void ReadHashes(ReadOnlySpan<HashPosition> positions, Span<Hash> hashes)
    {
        for (var i = 0; i < positions.Length; i++)
        {
            var (level, index) = positions[i];
            if (level >= _levels.Count || index < 0 || index >= _levels[level].Count)
                throw new KeyNotFoundException($"No stored hash at level {level}, index {index}.");
            hashes[i] = _levels[level][(int)index];
        }
    }
}
