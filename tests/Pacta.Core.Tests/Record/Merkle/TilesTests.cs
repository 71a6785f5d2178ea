using Pacta.Core.Record.Merkle;

namespace Pacta.Core.Tests.Record.Merkle;

public class TilesTests
{
    [Fact]
    public void ForTreeSize_70000_ListsFullAndPartialTilesPerLevel()
    {
        // 70,000 = 273 × 256 + 112 level-0 hashes; 273 = 256 + 17 level-8 hashes; 1 level-16 hash.
        var tiles = Tiles.ForTreeSize(70_000).ToList();

        Assert.Equal(273 + 1 + 1 + 1 + 1, tiles.Count);
        Assert.Equal(new TileId(0, 273, 112), tiles[273]);
        Assert.Equal(new TileId(1, 0, 256), tiles[274]);
        Assert.Equal(new TileId(1, 1, 17), tiles[275]);
        Assert.Equal(new TileId(2, 0, 1), tiles[276]);
    }

    [Fact]
    public void ForTreeSize_Empty_HasNoTiles()
    {
        Assert.Empty(Tiles.ForTreeSize(0));
    }

    [Theory]
    [InlineData(0, 0, 256, 0, 0, 256)]
    [InlineData(0, 1, 257, 0, 1, 1)]
    [InlineData(1, 0, 70_000, 1, 0, 256)]
    [InlineData(1, 1, 70_000, 1, 1, 17)]
    public void InTree_ExistingTile_HasTheTreesWidth(int level, long index, long size, int expectedLevel, long expectedIndex, int expectedWidth)
    {
        Assert.Equal(new TileId(expectedLevel, expectedIndex, expectedWidth), Tiles.InTree(level, index, size));
    }

    [Theory]
    [InlineData(0, 1, 256)]
    [InlineData(1, 0, 255)]
    [InlineData(0, 0, 0)]
    [InlineData(-1, 0, 10)]
    [InlineData(0, -1, 10)]
    [InlineData(8, 0, 10)]
    public void InTree_BeyondTheTree_IsNull(int level, long index, long size)
    {
        Assert.Null(Tiles.InTree(level, index, size));
    }

    [Fact]
    public void HashPositions_Tile_IsOneRangeOfLevelEightL()
    {
        var positions = new TileId(1, 2, 3).HashPositions();

        Assert.Equal([new HashPosition(8, 512), new HashPosition(8, 513), new HashPosition(8, 514)], positions);
    }

    [Fact]
    public void EncodeAndTryDecode_RoundTripAndRefuseWrongLengths()
    {
        Hash[] hashes = [Hash.Leaf([1]), Hash.Leaf([2])];

        var bytes = Tiles.Encode(hashes);

        Assert.Equal(64, bytes.Length);
        Assert.True(Tiles.TryDecode(bytes, 2, out var decoded));
        Assert.Equal(hashes, decoded);
        Assert.False(Tiles.TryDecode(bytes, 1, out _));
        Assert.False(Tiles.TryDecode(bytes.AsSpan(1), 2, out _));
        Assert.False(Tiles.TryDecode([], 0, out _));
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
        var tiles = Tiles.ForTreeSize(size).ToDictionary(t => t, t =>
        {
            var hashes = new Hash[t.Width];
            store.ReadHashes(t.HashPositions(), hashes);
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
