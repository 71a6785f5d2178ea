using System.Numerics;

namespace Pacta.Core.Record.Merkle;

/// <summary>Why a proof was refused, or <see cref="Valid"/>.</summary>
public enum ProofResult
{
    /// <summary>The proof shows what it claims.</summary>
    // Not zero: a default(ProofResult) left unset must never read as a success.
    Valid = 1,

    /// <summary>The leaf index is negative or not below the tree size.</summary>
    IndexNotInTree,

    /// <summary>A size is negative or the first tree is larger than the second.</summary>
    SizesOutOfOrder,

    /// <summary>A consistency proof from the empty tree to a larger one: RFC 9162 defines none.</summary>
    EmptyFirstTree,

    /// <summary>The proof has more or fewer hashes than the sizes call for.</summary>
    WrongProofLength,

    /// <summary>The hashes do not lead to the expected root(s).</summary>
    RootMismatch,
}

/// <summary>
/// Checks RFC 9162 proofs exactly as §2.1.3.2 (inclusion) and §2.1.4.2 (consistency) describe.
/// Never throws on what a peer sent: every bad input is a <see cref="ProofResult"/>.
/// </summary>
public static class MerkleProof
{
    /// <summary>Checks that <paramref name="leafHash"/> is leaf <paramref name="index"/> of the tree of <paramref name="size"/> leaves with root <paramref name="root"/>.</summary>
    public static ProofResult VerifyInclusion(long index, long size, in Hash leafHash, ReadOnlySpan<Hash> proof, in Hash root)
    {
        if (index < 0 || index >= size) return ProofResult.IndexNotInTree;
        if (proof.Length != MerkleTree.InclusionProofLength(index, size)) return ProofResult.WrongProofLength;

        var (fn, sn, r) = (index, size - 1, leafHash);
        foreach (var p in proof)
        {
            if (sn == 0) return ProofResult.WrongProofLength;
            if ((fn & 1) == 1 || fn == sn)
            {
                r = Hash.Node(p, r);
                if ((fn & 1) == 0) (fn, sn) = ShiftUntilOddOrZero(fn, sn);
            }
            else
            {
                r = Hash.Node(r, p);
            }
            (fn, sn) = (fn >> 1, sn >> 1);
        }
        if (sn != 0) return ProofResult.WrongProofLength;
        return r == root ? ProofResult.Valid : ProofResult.RootMismatch;
    }

    /// <summary>
    /// Checks that the tree of <paramref name="first"/> leaves with root <paramref name="firstRoot"/>
    /// is a prefix of the tree of <paramref name="second"/> leaves with root <paramref name="secondRoot"/>.
    /// Equal sizes need an empty proof and equal roots; a first size of 0 is refused, because
    /// RFC 9162 proves consistency from a non-empty tree only (callers treat the empty tree as
    /// trivially consistent without asking for a proof).
    /// </summary>
    public static ProofResult VerifyConsistency(long first, long second, ReadOnlySpan<Hash> proof, in Hash firstRoot, in Hash secondRoot)
    {
        if (first < 0 || first > second) return ProofResult.SizesOutOfOrder;
        if (first == second)
        {
            if (!proof.IsEmpty) return ProofResult.WrongProofLength;
            // The empty tree has one possible root, so a size-0 claim with any other root is false.
            return firstRoot == secondRoot && (first != 0 || firstRoot == Hash.Empty) ? ProofResult.Valid : ProofResult.RootMismatch;
        }
        if (first == 0) return ProofResult.EmptyFirstTree;
        // Also step 1 of §2.1.4.2: a proof between different sizes is never empty.
        if (proof.Length != MerkleTree.ConsistencyProofLength(first, second)) return ProofResult.WrongProofLength;

        // Step 2: when the first tree is a complete subtree its root is the proof's implicit first hash.
        var prepended = BitOperations.IsPow2(first);
        var path = proof;
        var start = prepended ? firstRoot : path[0];
        if (!prepended) path = path[1..];

        var (fn, sn) = (first - 1, second - 1);
        while ((fn & 1) == 1) (fn, sn) = (fn >> 1, sn >> 1);
        var (fr, sr) = (start, start);
        foreach (var c in path)
        {
            if (sn == 0) return ProofResult.WrongProofLength;
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = Hash.Node(c, fr);
                sr = Hash.Node(c, sr);
                if ((fn & 1) == 0) (fn, sn) = ShiftUntilOddOrZero(fn, sn);
            }
            else
            {
                sr = Hash.Node(sr, c);
            }
            (fn, sn) = (fn >> 1, sn >> 1);
        }
        if (sn != 0) return ProofResult.WrongProofLength;
        return fr == firstRoot && sr == secondRoot ? ProofResult.Valid : ProofResult.RootMismatch;
    }

    private static (long Fn, long Sn) ShiftUntilOddOrZero(long fn, long sn)
    {
        while ((fn & 1) == 0 && fn != 0) (fn, sn) = (fn >> 1, sn >> 1);
        return (fn, sn);
    }
}
