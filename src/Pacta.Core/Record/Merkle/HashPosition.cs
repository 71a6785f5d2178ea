namespace Pacta.Core.Record.Merkle;

/// <summary>
/// Where a stored hash sits: the complete subtree of 2^<see cref="Level"/> leaves starting at leaf
/// <see cref="Index"/> × 2^<see cref="Level"/>. Level 0 holds the leaf hashes.
/// </summary>
/// <remarks>
/// Every such subtree is hashed once, when its last leaf is appended, and never changes after:
/// the layout of Go's sumdb/tlog, which makes a C2SP tile a plain range of one level.
/// </remarks>
public readonly record struct HashPosition(int Level, long Index)
{
    /// <summary>The first leaf covered by this subtree.</summary>
    public long FirstLeaf => Index << Level;

    /// <summary>The smallest tree size at which this hash exists (its last leaf appended).</summary>
    public long CompleteAt => (Index + 1) << Level;
}

/// <summary>A stored hash together with its position: what an append hands to storage.</summary>
public readonly record struct StoredHash(HashPosition Position, Hash Hash);

/// <summary>
/// Reads stored hashes by position. A database table, a tile fetcher or an in-memory list serves
/// them; the tree math asks for a whole batch at once so that a database answers in one query.
/// </summary>
public interface IHashReader
{
    /// <summary>
    /// Fills <paramref name="hashes"/>[i] with the hash stored at <paramref name="positions"/>[i].
    /// A position that is not stored is a storage fault (the math only asks for hashes that exist
    /// at the tree size it was given), so implementations throw rather than invent a value.
    /// </summary>
    void ReadHashes(ReadOnlySpan<HashPosition> positions, Span<Hash> hashes);
}
