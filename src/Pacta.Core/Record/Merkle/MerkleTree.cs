using System.Numerics;

namespace Pacta.Core.Record.Merkle;

/// <summary>
/// RFC 9162 tree math over stored hashes: what to store when a leaf is appended, the root of any
/// size, and inclusion and consistency proofs. Pure functions; storage is reached through
/// <see cref="IHashReader"/> or, for callers that fetch asynchronously (a database), through the
/// two-step form: ask for the <c>…Positions</c>, read them in one batch, pass the hashes back in
/// the same order.
/// </summary>
/// <remarks>
/// Stored hashes follow Go's sumdb/tlog layout (see <see cref="HashPosition"/>), so every value
/// here is a fold over a few complete subtrees: O(log n) reads, never a recomputation of leaves.
/// Building functions throw on arguments outside the tree, since those are the caller's bugs;
/// checking a proof someone sent is <see cref="MerkleProof"/>'s job, which never throws.
/// </remarks>
public static class MerkleTree
{
    /// <summary>How many stored hashes must be read to append leaf <paramref name="index"/>.</summary>
    public static int AppendReadCount(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        // Each trailing 1 bit of the index is a left sibling that the new leaf completes.
        return BitOperations.TrailingZeroCount(~index);
    }

    /// <summary>The left siblings to read, lowest level first, before appending leaf <paramref name="index"/>.</summary>
    public static HashPosition[] AppendPositions(long index)
    {
        var positions = new HashPosition[AppendReadCount(index)];
        for (var level = 0; level < positions.Length; level++) positions[level] = new(level, (index >> level) - 1);
        return positions;
    }

    /// <summary>
    /// Writes into <paramref name="output"/> the hashes that become complete when leaf
    /// <paramref name="index"/> (hash <paramref name="leafHash"/>) is appended: the leaf hash itself,
    /// then one per level it completes. Returns how many were written (at most 64).
    /// </summary>
    /// <param name="index">The index of the new leaf, which is the tree size before the append.</param>
    /// <param name="leafHash">The new leaf's hash.</param>
    /// <param name="leftSiblings">The hashes at <see cref="AppendPositions"/>, in that order.</param>
    /// <param name="output">Room for <see cref="AppendReadCount"/> + 1 hashes.</param>
    public static int Append(long index, in Hash leafHash, ReadOnlySpan<Hash> leftSiblings, Span<StoredHash> output)
    {
        var reads = AppendReadCount(index);
        if (leftSiblings.Length != reads) throw new ArgumentException($"Appending leaf {index} needs {reads} left siblings, not {leftSiblings.Length}.", nameof(leftSiblings));
        if (output.Length <= reads) throw new ArgumentException($"Appending leaf {index} stores {reads + 1} hashes.", nameof(output));

        var hash = leafHash;
        output[0] = new(new(0, index), hash);
        for (var level = 1; level <= reads; level++)
        {
            hash = Hash.Node(leftSiblings[level - 1], hash);
            output[level] = new(new(level, ((index + 1) >> level) - 1), hash);
        }
        return reads + 1;
    }

    /// <summary>The hashes to store when leaf <paramref name="index"/> is appended, reading its left siblings from <paramref name="reader"/>.</summary>
    public static StoredHash[] Append(long index, in Hash leafHash, IHashReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var positions = AppendPositions(index);
        var siblings = new Hash[positions.Length];
        reader.ReadHashes(positions, siblings);
        var output = new StoredHash[positions.Length + 1];
        Append(index, leafHash, siblings, output);
        return output;
    }

    /// <summary>The stored hashes whose fold is the root of the tree of <paramref name="size"/> leaves: one per 1 bit of the size.</summary>
    public static HashPosition[] RootPositions(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var plan = new Plan();
        plan.AddRange(0, size);
        return plan.Positions.ToArray();
    }

    /// <summary>The root of the tree of <paramref name="size"/> leaves from the hashes at <see cref="RootPositions"/>.</summary>
    public static Hash Root(long size, ReadOnlySpan<Hash> stored)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (size == 0) return Hash.Empty;
        var plan = new Plan();
        plan.AddRange(0, size);
        return plan.Fold(stored)[0];
    }

    /// <summary>The root of the tree of <paramref name="size"/> leaves.</summary>
    public static Hash Root(long size, IHashReader reader) => Root(size, Read(reader, RootPositions(size)));

    /// <summary>The stored hashes an inclusion proof for leaf <paramref name="index"/> in a tree of <paramref name="size"/> needs.</summary>
    public static HashPosition[] InclusionPositions(long index, long size) => InclusionPlan(index, size).Positions.ToArray();

    /// <summary>
    /// The RFC 9162 §2.1.3.1 inclusion proof (audit path, nearest sibling first) for leaf
    /// <paramref name="index"/> in the tree of <paramref name="size"/> leaves, from the hashes at
    /// <see cref="InclusionPositions"/>.
    /// </summary>
    public static Hash[] InclusionProof(long index, long size, ReadOnlySpan<Hash> stored) => InclusionPlan(index, size).Fold(stored);

    /// <summary>The inclusion proof for leaf <paramref name="index"/> in the tree of <paramref name="size"/> leaves.</summary>
    public static Hash[] InclusionProof(long index, long size, IHashReader reader)
    {
        var plan = InclusionPlan(index, size);
        return plan.Fold(Read(reader, [.. plan.Positions]));
    }

    /// <summary>The number of hashes in an inclusion proof, so a verifier can refuse a wrong length before hashing.</summary>
    public static int InclusionProofLength(long index, long size)
    {
        CheckInclusion(index, size);
        var (lo, hi, length) = (0L, size, 0);
        while (hi - lo > 1)
        {
            var k = SplitPoint(hi - lo);
            if (index < lo + k) hi = lo + k;
            else lo += k;
            length++;
        }
        return length;
    }

    /// <summary>The stored hashes a consistency proof from size <paramref name="first"/> to <paramref name="second"/> needs.</summary>
    public static HashPosition[] ConsistencyPositions(long first, long second) => ConsistencyPlan(first, second).Positions.ToArray();

    /// <summary>
    /// The RFC 9162 §2.1.4.1 consistency proof from the tree of <paramref name="first"/> leaves to the
    /// tree of <paramref name="second"/> leaves (0 &lt; first ≤ second; empty when they are equal), from
    /// the hashes at <see cref="ConsistencyPositions"/>.
    /// </summary>
    public static Hash[] ConsistencyProof(long first, long second, ReadOnlySpan<Hash> stored) => ConsistencyPlan(first, second).Fold(stored);

    /// <summary>The consistency proof from the tree of <paramref name="first"/> leaves to the tree of <paramref name="second"/> leaves.</summary>
    public static Hash[] ConsistencyProof(long first, long second, IHashReader reader)
    {
        var plan = ConsistencyPlan(first, second);
        return plan.Fold(Read(reader, [.. plan.Positions]));
    }

    /// <summary>The number of hashes in a consistency proof (0 &lt; first ≤ second).</summary>
    public static int ConsistencyProofLength(long first, long second)
    {
        CheckConsistency(first, second);
        var (m, lo, hi, complete, length) = (first, 0L, second, true, 0);
        while (m != hi - lo)
        {
            var k = SplitPoint(hi - lo);
            if (m <= k) hi = lo + k;
            else (m, lo, complete) = (m - k, lo + k, false);
            length++;
        }
        return complete ? length : length + 1;
    }

    /// <summary>The largest power of two smaller than <paramref name="n"/> (n ≥ 2): where RFC 9162 splits a tree.</summary>
    internal static long SplitPoint(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));

    private static Plan InclusionPlan(long index, long size)
    {
        CheckInclusion(index, size);
        var plan = new Plan();
        AddPath(index, 0, size, plan);
        return plan;

        // PATH(m, D[lo:hi]) of RFC 9162 §2.1.3.1; recursing first puts the nearest sibling first.
        static void AddPath(long index, long lo, long hi, Plan plan)
        {
            if (hi - lo == 1) return;
            var k = SplitPoint(hi - lo);
            if (index < lo + k)
            {
                AddPath(index, lo, lo + k, plan);
                plan.AddRange(lo + k, hi);
            }
            else
            {
                AddPath(index, lo + k, hi, plan);
                plan.AddRange(lo, lo + k);
            }
        }
    }

    private static Plan ConsistencyPlan(long first, long second)
    {
        CheckConsistency(first, second);
        var plan = new Plan();
        if (first < second) AddSubproof(first, 0, second, true, plan);
        return plan;

        // SUBPROOF(m, D[lo:hi], b) of RFC 9162 §2.1.4.1.
        static void AddSubproof(long m, long lo, long hi, bool complete, Plan plan)
        {
            if (m == hi - lo)
            {
                if (!complete) plan.AddRange(lo, hi);
                return;
            }
            var k = SplitPoint(hi - lo);
            if (m <= k)
            {
                AddSubproof(m, lo, lo + k, complete, plan);
                plan.AddRange(lo + k, hi);
            }
            else
            {
                AddSubproof(m - k, lo + k, hi, false, plan);
                plan.AddRange(lo, lo + k);
            }
        }
    }

    private static void CheckInclusion(long index, long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, size);
    }

    private static void CheckConsistency(long first, long second)
    {
        // RFC 9162 defines consistency from a non-empty tree only: everything is consistent with nothing.
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, second);
    }

    private static Hash[] Read(IHashReader reader, HashPosition[] positions)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var hashes = new Hash[positions.Length];
        reader.ReadHashes(positions, hashes);
        return hashes;
    }

    /// <summary>
    /// The stored hashes a result needs, grouped: each group is one hash of the result, the MTH of
    /// a leaf range, made of the range's maximal complete subtrees from left to right.
    /// </summary>
    private sealed class Plan
    {
        private readonly List<int> _groups = [];

        public List<HashPosition> Positions { get; } = [];

        public void AddRange(long lo, long hi)
        {
            var count = 0;
            while (lo < hi)
            {
                // The largest subtree that starts at lo (aligned) and fits before hi.
                var level = Math.Min(BitOperations.TrailingZeroCount(lo), BitOperations.Log2((ulong)(hi - lo)));
                Positions.Add(new(level, lo >> level));
                lo += 1L << level;
                count++;
            }
            _groups.Add(count);
        }

        public Hash[] Fold(ReadOnlySpan<Hash> stored)
        {
            if (stored.Length != Positions.Count) throw new ArgumentException($"Expected {Positions.Count} stored hashes, got {stored.Length}.", nameof(stored));
            var result = new Hash[_groups.Count];
            var start = 0;
            for (var g = 0; g < _groups.Count; g++)
            {
                var group = stored.Slice(start, _groups[g]);
                // MTH splits off the largest power of two first, so the smaller subtrees on the right fold first.
                var hash = group[^1];
                for (var i = group.Length - 2; i >= 0; i--) hash = Hash.Node(group[i], hash);
                result[g] = hash;
                start += group.Length;
            }
            return result;
        }
    }
}
