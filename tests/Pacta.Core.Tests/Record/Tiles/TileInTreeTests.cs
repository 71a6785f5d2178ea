using Pacta.Core.Record.Tiles;

namespace Pacta.Core.Tests.Record.Tiles;

public class TileInTreeTests
{
    [Theory]
    [InlineData(0, 0, 256, 256)]
    [InlineData(0, 1, 257, 1)]
    [InlineData(1, 0, 70_000, 256)]
    [InlineData(1, 1, 70_000, 17)]
    [InlineData(2, 0, 70_000, 1)]
    public void InTree_ExistingTile_HasTheTreesWidth(int level, long index, long size, int expectedWidth)
    {
        Assert.Equal(new Tile(level, index, expectedWidth), TileLayout.InTree(level, index, size));
    }

    [Theory]
    [InlineData(0, 1, 256)]
    [InlineData(1, 0, 255)]
    [InlineData(0, 0, 0)]
    [InlineData(-1, 0, 10)]
    [InlineData(0, -1, 10)]
    [InlineData(8, 0, 10)]
    [InlineData(64, 0, 10)]
    public void InTree_BeyondTheTree_IsNull(int level, long index, long size)
    {
        Assert.Null(TileLayout.InTree(level, index, size));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(70_000)]
    public void InTree_EveryListedTile_IsFoundWithItsWidth(long size)
    {
        foreach (var tile in TileLayout.Tiles(size))
            Assert.Equal(tile, TileLayout.InTree(tile.Level, tile.Index, size));
    }
}
