using Pacta.Core.Record.Tiles;

namespace Pacta.Core.Tests.Record.Tiles;

/// <summary>
/// What a server holding a tree serves: every tile that some tree no larger than it has. Checked against
/// the definition itself (enumerate the tiles of every smaller size), not against the formula.
/// </summary>
public sealed class TileExistsUpToTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(513)]
    [InlineData(65_536 + 300)]
    public void ExistsUpTo_IsTheUnionOfTheTilesOfEverySmallerTree(long size)
    {
        // The full tiles of a smaller tree are full tiles of this one, so the union is this tree's tiles and
        // the partial tile of each level of every smaller tree.
        var union = new HashSet<Tile>(TileLayout.Tiles(size));
        for (var s = 1L; s <= size; s++)
            foreach (var level in TileLayout.Levels(s))
                if (level.PartialWidth > 0) union.Add(new Tile(level.Level, level.FullTiles, level.PartialWidth));

        foreach (var tile in union) Assert.True(TileLayout.ExistsUpTo(tile, size), $"{tile} of a smaller tree is not served at {size}");

        // Everything else near the edge of the tree, at each level, is refused.
        for (var level = 0; level < 4; level++)
            for (var index = 0L; index < 300; index++)
                for (var width = 1; width <= 256; width++)
                {
                    var tile = new Tile(level, index, width);
                    if (!union.Contains(tile)) Assert.False(TileLayout.ExistsUpTo(tile, size), $"{tile} is served at {size} but no tree that small has it");
                }
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(0, -1, 1)]
    [InlineData(-1, 0, 1)]
    [InlineData(64, 0, 1)]
    [InlineData(8, 0, 1)]
    [InlineData(0, 0, 257)]
    public void ExistsUpTo_ImpossibleTile_IsRefused(int level, long index, int width) =>
        Assert.False(TileLayout.ExistsUpTo(new Tile(level, index, width), long.MaxValue));
}
