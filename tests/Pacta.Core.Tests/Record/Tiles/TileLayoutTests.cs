using System.Text.Json;
using Pacta.Core.Record.Tiles;

namespace Pacta.Core.Tests.Record.Tiles;

public class TileLayoutTests
{
    private static readonly JsonElement Vectors =
        JsonDocument.Parse(File.ReadAllBytes(RepositoryFiles.Path("testdata", "tile-paths", "tile-path-vectors.json"))).RootElement;

    /// <summary>The vectors write a full tile as width 0; Pacta as 256.</summary>
    private static int Width(JsonElement vector) => FullIfZero(vector.GetProperty("width").GetInt32());

    private static int FullIfZero(int width) => width == 0 ? TileLayout.TileWidth : width;

    public static TheoryData<int> TilePathVectors() => [.. Enumerable.Range(0, Vectors.GetProperty("tile_paths").GetArrayLength())];

    [Theory]
    [MemberData(nameof(TilePathVectors))]
    public void TilePath_Vector_EncodesAndParsesBack(int i)
    {
        var vector = Vectors.GetProperty("tile_paths")[i];
        var tile = new Tile(vector.GetProperty("level").GetInt32(), vector.GetProperty("index").GetInt64(), Width(vector));
        var path = vector.GetProperty("path").GetString()!;

        Assert.Equal(path, tile.Path);
        Assert.Equal(tile, TileLayout.ParseTile(path));
        Assert.Null(TileLayout.ParseEntryBundle(path));
    }

    public static TheoryData<int> EntryBundleVectors() => [.. Enumerable.Range(0, Vectors.GetProperty("entry_bundle_paths").GetArrayLength())];

    [Theory]
    [MemberData(nameof(EntryBundleVectors))]
    public void EntryBundlePath_Vector_EncodesAndParsesBack(int i)
    {
        var vector = Vectors.GetProperty("entry_bundle_paths")[i];
        var path = vector.GetProperty("path").GetString()!;

        var bundle = vector.TryGetProperty("entry_index", out var entry)
            ? TileLayout.EntryBundleFor(entry.GetInt64(), vector.GetProperty("tree_size").GetInt64())
            : new EntryBundle(vector.GetProperty("bundle_index").GetInt64(), vector.GetProperty("width").GetInt32());

        Assert.Equal(path, bundle.Path);
        Assert.Equal(bundle, TileLayout.ParseEntryBundle(path));
        Assert.Null(TileLayout.ParseTile(path));
    }

    public static TheoryData<int> ParseOkVectors() => [.. Enumerable.Range(0, Vectors.GetProperty("parse_index_ok").GetArrayLength())];

    [Theory]
    [MemberData(nameof(ParseOkVectors))]
    public void ParseTile_ParseIndexOkVector_GivesLevelIndexWidth(int i)
    {
        var vector = Vectors.GetProperty("parse_index_ok")[i];
        var path = $"tile/{vector[0].GetString()}/{vector[1].GetString()}";
        var width = FullIfZero(vector[4].GetInt32());

        var tile = TileLayout.ParseTile(path);

        Assert.Equal(new Tile(vector[2].GetInt32(), vector[3].GetInt64(), width), tile);
        Assert.Equal(path, tile!.Value.Path);
    }

    public static TheoryData<string, string> MustFailVectors()
    {
        var data = new TheoryData<string, string>();
        foreach (var vector in Vectors.GetProperty("parse_must_fail").EnumerateArray())
            data.Add(vector[0].GetString()!, vector[1].GetString()!);
        // The stricter cases parse_note suggests: non-canonical aliases of valid tiles.
        data.Add("08", "001");
        data.Add("0", "001.p/08");
        data.Add("0", "x000/001");
        data.Add("0", "001.p/0");
        data.Add("0", "001.p/256");
        data.Add("00", "001");
        data.Add("+1", "001");
        data.Add("0", "01");
        data.Add("0", "0001");
        data.Add("0", "x1/001");
        data.Add("0", "X001/001");
        data.Add("0", "001/");
        data.Add("0", "001.p/1/");
        data.Add("0", "001.p/ 1");
        data.Add("0", "x001/x002");
        data.Add("0", "");
        data.Add("0", "x009/x223/x372/x036/x854/775/808"); // long.MaxValue + 1
        return data;
    }

    [Theory]
    [MemberData(nameof(MustFailVectors))]
    public void ParseTile_MustFailVector_IsRefused(string level, string index)
    {
        Assert.Null(TileLayout.ParseTile($"tile/{level}/{index}"));
        // Where the level alone is what is wrong, the index is fine for an entry bundle.
        var levelIsCanonical = Enumerable.Range(0, TileLayout.MaxLevel + 1).Any(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture) == level);
        if (levelIsCanonical) Assert.Null(TileLayout.ParseEntryBundle($"tile/entries/{index}"));
    }

    [Theory]
    [InlineData("tile/entries/000.p/0")]
    [InlineData("tile/entries/x000/000")]
    [InlineData("tile/entries/")]
    [InlineData("tile/entries")]
    [InlineData("/tile/entries/000")]
    [InlineData("tile/0/000.p/5/x")]
    [InlineData("tiles/0/000")]
    [InlineData("tile/0")]
    public void Parse_OtherNonCanonicalPath_IsRefused(string path)
    {
        Assert.Null(TileLayout.ParseTile(path));
        Assert.Null(TileLayout.ParseEntryBundle(path));
    }

    [Fact]
    public void ParseTile_LargestIndex_RoundTrips()
    {
        var tile = new Tile(0, long.MaxValue, 7);

        Assert.Equal(tile, TileLayout.ParseTile(tile.Path));
    }

    [Theory]
    [InlineData("tree_70000_per_C2SP", 70000)]
    [InlineData("tree_256_per_C2SP", 256)]
    public void Levels_TreeVector_HasTheFullAndPartialTilesOfTheVector(string section, long treeSize)
    {
        var vector = Vectors.GetProperty(section);
        var levels = TileLayout.Levels(treeSize).ToList();

        var expectedLevels = 0;
        foreach (var property in vector.EnumerateObject())
        {
            var level = int.Parse(property.Name["level".Length..property.Name.IndexOf('_', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
            expectedLevels = Math.Max(expectedLevels, level + 1);
            if (property.Name.EndsWith("_full", StringComparison.Ordinal))
                Assert.Equal(property.Value.GetInt64(), levels[level].FullTiles);
            else
                Assert.Equal(property.Value.GetInt32(), levels[level].PartialWidth);
        }
        Assert.Equal(expectedLevels, levels.Count);
        // A level the vector leaves out has none of that kind.
        foreach (var level in levels)
        {
            if (!vector.TryGetProperty($"level{level.Level}_full", out _)) Assert.Equal(0, level.FullTiles);
            if (!vector.TryGetProperty($"level{level.Level}_partial_width", out _)) Assert.Equal(0, level.PartialWidth);
        }
    }

    [Fact]
    public void Tiles_Tree70000_ListsEveryTileOnceAndEachExists()
    {
        var tiles = TileLayout.Tiles(70000).ToList();

        Assert.Equal(273 + 1 + 1 + 1 + 1, tiles.Count);
        Assert.Equal("tile/0/273.p/112", tiles[273].Path);
        Assert.Equal(["tile/1/000", "tile/1/001.p/17", "tile/2/000.p/1"], tiles[^3..].Select(t => t.Path));
        Assert.All(tiles, t => Assert.True(TileLayout.Exists(t, 70000)));
        Assert.Equal(274, TileLayout.EntryBundles(70000).Count());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(65535)]
    [InlineData(65536)]
    [InlineData(70000)]
    [InlineData(16777216)]
    [InlineData(31604938240)]
    [InlineData(long.MaxValue)]
    public void PartialWidth_AnySize_FollowsTheVectorFormula(long treeSize)
    {
        // partial_width_formula: floor(s / 256**l) mod 256 (0 => no partial tile at that level)
        Assert.Equal("floor(s / 256**l) mod 256 (0 => no partial tile at that level)", Vectors.GetProperty("partial_width_formula").GetString());
        for (var level = 0; level <= TileLayout.MaxLevel; level++)
        {
            var expected = level >= 8 ? 0 : (int)((ulong)treeSize / (1UL << (8 * level)) % 256);
            Assert.Equal(expected, TileLayout.PartialWidth(treeSize, level));
        }
    }

    [Theory]
    [InlineData("tile/0/001", 256, false)] // beyond the tree
    [InlineData("tile/0/000", 255, false)] // not yet full
    [InlineData("tile/0/000.p/255", 255, true)]
    [InlineData("tile/0/000.p/254", 255, false)] // an older partial
    [InlineData("tile/0/000.p/1", 256, false)] // the tile is full now
    [InlineData("tile/1/000.p/1", 256, true)]
    [InlineData("tile/2/000.p/1", 256, false)]
    [InlineData("tile/0/000", 0, false)]
    public void Exists_Tile_OnlyTheListedOnes(string path, long treeSize, bool exists) =>
        Assert.Equal(exists, TileLayout.Exists(TileLayout.ParseTile(path)!.Value, treeSize));

    [Theory]
    [InlineData(0, 1, 0)] // width 0 where the level has no partial tile
    [InlineData(0, 0, 257)]
    [InlineData(-1, 0, 256)]
    [InlineData(0, -1, 256)]
    [InlineData(64, 0, 1)]
    public void Exists_InvalidTile_IsFalse(int level, long index, int width) =>
        Assert.False(TileLayout.Exists(new Tile(level, index, width), 256));

    [Fact]
    public void EncodeIndex_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TileLayout.EncodeIndex(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TileLayout.EncodeIndex(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => TileLayout.EncodeIndex(0, 257));
    }
}
