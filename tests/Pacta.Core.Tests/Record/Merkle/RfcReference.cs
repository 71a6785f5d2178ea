using Pacta.Core.Record.Merkle;

namespace Pacta.Core.Tests.Record.Merkle;

/// <summary>
/// RFC 9162 §2.1 written as literally as the text reads (MTH, PATH, PROOF/SUBPROOF over a list of
/// leaf hashes), with no stored hashes and no cleverness: the yardstick for the real code.
/// </summary>
internal static class RfcReference
{
    public static Hash Mth(IReadOnlyList<Hash> leaves, int lo, int hi)
    {
        var n = hi - lo;
        if (n == 0) return Hash.Empty;
        if (n == 1) return leaves[lo];
        var k = LargestPowerOfTwoBelow(n);
        return Hash.Node(Mth(leaves, lo, lo + k), Mth(leaves, lo + k, hi));
    }

    public static List<Hash> Path(int m, IReadOnlyList<Hash> leaves, int lo, int hi)
    {
        var n = hi - lo;
        if (n == 1) return [];
        var k = LargestPowerOfTwoBelow(n);
        return m < k
            ? [.. Path(m, leaves, lo, lo + k), Mth(leaves, lo + k, hi)]
            : [.. Path(m - k, leaves, lo + k, hi), Mth(leaves, lo, lo + k)];
    }

    public static List<Hash> Proof(int m, IReadOnlyList<Hash> leaves, int n) => m == n ? [] : Subproof(m, leaves, 0, n, true);

    private static List<Hash> Subproof(int m, IReadOnlyList<Hash> leaves, int lo, int hi, bool b)
    {
        var n = hi - lo;
        if (m == n) return b ? [] : [Mth(leaves, lo, hi)];
        var k = LargestPowerOfTwoBelow(n);
        return m <= k
            ? [.. Subproof(m, leaves, lo, lo + k, b), Mth(leaves, lo + k, hi)]
            : [.. Subproof(m - k, leaves, lo + k, hi, false), Mth(leaves, lo, lo + k)];
    }

    private static int LargestPowerOfTwoBelow(int n)
    {
        var k = 1;
        while (k * 2 < n) k *= 2;
        return k;
    }
}
