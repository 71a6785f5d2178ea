using Pacta.Core.Record.Merkle;
using Pacta.Core.Record.Tiles;

namespace Pacta.Core.Tests.Record.Merkle;

public class TileHashesTests
{
    [Fact]
    public void Positions_Tile_IsOneRangeOfLevelEightL()
    {
        var positions = TileHashes.Positions(new Tile(1, 2, 3));

        Assert.Equal([new HashPosition(8, 512), new HashPosition(8, 513), new HashPosition(8, 514)], positions);
    }

    [Fact]
    public void EncodeAndTryDecode_RoundTripAndRefuseWrongLengths()
    {
        Hash[] hashes = [Hash.Leaf([1]), Hash.Leaf([2])];

        var bytes = TileHashes.Encode(hashes);

        Assert.Equal(64, bytes.Length);
        Assert.True(TileHashes.TryDecode(bytes, 2, out var decoded));
        Assert.Equal(hashes, decoded);
        Assert.False(TileHashes.TryDecode(bytes, 1, out _));
        Assert.False(TileHashes.TryDecode(bytes.AsSpan(1), 2, out _));
        Assert.False(TileHashes.TryDecode([], 0, out _));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(1000)]
    [InlineData(65_536)]
    [InlineData(70_001)]
    public void TileHashReader_TreeFromTiles_GivesSameRootsAndProofs(int size)
    {
        var (store, _) = MerkleTestData.Tree(size);
        // The tiles as a server would serve them: each one read straight from the stored hashes.
        var tiles = TileLayout.Tiles(size).ToDictionary(t => t, t =>
        {
            var hashes = new Hash[t.Width];
            store.ReadHashes(TileHashes.Positions(t), hashes);
            return hashes;
        });
        var fromTiles = new TileHashReader(size, t => tiles[t]);

        Assert.Equal(MerkleTree.Root(size, store), MerkleTree.Root(size, fromTiles));
        foreach (var index in new long[] { 0, size / 3, size - 1 })
            Assert.Equal(MerkleTree.InclusionProof(index, size, store), MerkleTree.InclusionProof(index, size, fromTiles));
        foreach (var first in new long[] { 1, size / 2 + 1, size })
            Assert.Equal(MerkleTree.ConsistencyProof(first, size, store), MerkleTree.ConsistencyProof(first, size, fromTiles));
    }

    [Fact]
    public void TileHashReader_HashNotYetComplete_Throws()
    {
        var reader = new TileHashReader(10, _ => throw new InvalidOperationException("no tile should be read"));

        Assert.Throws<KeyNotFoundException>(() => reader.ReadHashes([new HashPosition(4, 0)], new Hash[1]));
    }
}
