using Pacta.Core.Record.Merkle;

namespace Pacta.Core.Tests.Record.Merkle;

internal static class MerkleTestData
{
    /// <summary>A store holding <paramref name="count"/> leaves "leaf 0", "leaf 1", … and the same leaf hashes as a list.</summary>
    public static (MemoryHashStore Store, List<Hash> Leaves) Tree(int count)
    {
        var store = new MemoryHashStore();
        var leaves = new List<Hash>();
        for (var i = 0; i < count; i++)
        {
            var leaf = Hash.Leaf(System.Text.Encoding.UTF8.GetBytes($"leaf {i}"));
            leaves.Add(leaf);
            store.Append(leaf);
        }
        return (store, leaves);
    }

    public static Hash FlipBit(Hash hash, int bit)
    {
        var bytes = hash.ToArray();
        bytes[bit / 8 % Hash.Size] ^= (byte)(1 << (bit % 8));
        return new Hash(bytes);
    }
}
