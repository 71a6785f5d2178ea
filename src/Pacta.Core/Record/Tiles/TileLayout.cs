using System.Globalization;
using System.Text;

namespace Pacta.Core.Record.Tiles;

/// <summary>
/// A Merkle tile (C2SP tlog-tiles): the hashes at tree level <c>Level * 8</c> with indexes
/// <c>Index * 256</c> onwards. <see cref="Width"/> is 256 for a full tile, 1..255 for the partial one at the right edge.
/// </summary>
public readonly record struct Tile(int Level, long Index, int Width)
{
    /// <summary>Whether fewer than 256 hashes are in the tile.</summary>
    public bool IsPartial => Width < TileLayout.TileWidth;

    /// <summary>The path, e.g. <c>tile/0/x001/x234/067</c> or <c>tile/1/000.p/17</c>.</summary>
    public string Path => $"tile/{Level.ToString(CultureInfo.InvariantCulture)}/{TileLayout.EncodeIndex(Index, Width)}";

    /// <inheritdoc/>
    public override string ToString() => Path;
}

/// <summary>
/// An entry bundle (C2SP tlog-tiles): the log entries <c>Index * 256</c> onwards. <see cref="Width"/> is 256 for
/// a full bundle, 1..255 for the partial one at the right edge.
/// </summary>
public readonly record struct EntryBundle(long Index, int Width)
{
    /// <summary>Whether fewer than 256 entries are in the bundle.</summary>
    public bool IsPartial => Width < TileLayout.TileWidth;

    /// <summary>The path, e.g. <c>tile/entries/x123/x456/789</c> or <c>tile/entries/001.p/1</c>.</summary>
    public string Path => $"tile/entries/{TileLayout.EncodeIndex(Index, Width)}";

    /// <inheritdoc/>
    public override string ToString() => Path;
}

/// <summary>How many Merkle tiles one level of a tree has: full ones, and the width of the partial one (0 if none).</summary>
public readonly record struct TileLevel(int Level, long FullTiles, int PartialWidth);

/// <summary>
/// The C2SP tlog-tiles layout: path encoding, strict parsing, and which tiles exist for a tree size.
/// Only the canonical spelling of a path parses, so one tile never has two URLs (a full tile is cached as immutable).
/// </summary>
public static class TileLayout
{
    /// <summary>Hashes per full tile and entries per full bundle.</summary>
    public const int TileWidth = 256;

    /// <summary>Tree levels covered by one tile level: a tile at tile level L holds hashes of tree level 8 × L.</summary>
    public const int Height = 8;

    /// <summary>The highest tile level the spec allows.</summary>
    public const int MaxLevel = 63;

    private const string Prefix = "tile/";
    private const string EntriesPrefix = "tile/entries/";

    /// <summary>
    /// The index path: three-digit groups from the most significant, all but the last prefixed with 'x'
    /// (1234067 → <c>x001/x234/067</c>), then <c>.p/W</c> for a partial width.
    /// </summary>
    public static string EncodeIndex(long index, int width = TileWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, TileWidth);
        var groups = new List<string>();
        do
        {
            groups.Add((index % 1000).ToString("D3", CultureInfo.InvariantCulture));
            index /= 1000;
        } while (index > 0);
        var path = new StringBuilder();
        for (var i = groups.Count - 1; i > 0; i--) path.Append('x').Append(groups[i]).Append('/');
        path.Append(groups[0]);
        if (width < TileWidth) path.Append(".p/").Append(width.ToString(CultureInfo.InvariantCulture));
        return path.ToString();
    }

    /// <summary>Parses a canonical Merkle tile path <c>tile/L/N[.p/W]</c>; null for anything else, entry bundles included.</summary>
    public static Tile? ParseTile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith(Prefix, StringComparison.Ordinal) || path.StartsWith(EntriesPrefix, StringComparison.Ordinal)) return null;
        var rest = path.AsSpan(Prefix.Length);
        var slash = rest.IndexOf('/');
        if (slash < 0 || !TryParseSmall(rest[..slash], MaxLevel, out var level)) return null;
        return TryParseIndex(rest[(slash + 1)..], out var index, out var width) ? new Tile(level, index, width) : null;
    }

    /// <summary>Parses a canonical entry bundle path <c>tile/entries/N[.p/W]</c>; null for anything else.</summary>
    public static EntryBundle? ParseEntryBundle(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith(EntriesPrefix, StringComparison.Ordinal)) return null;
        return TryParseIndex(path.AsSpan(EntriesPrefix.Length), out var index, out var width) ? new EntryBundle(index, width) : null;
    }

    /// <summary>Full tiles and the partial width of every level of a tree of <paramref name="treeSize"/> leaves, bottom up.</summary>
    public static IEnumerable<TileLevel> Levels(long treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        // Level L holds floor(size / 256^L) hashes; a level with none has no tiles, nor has any above it.
        var hashes = treeSize;
        for (var level = 0; hashes > 0 && level <= MaxLevel; level++, hashes /= TileWidth)
            yield return new TileLevel(level, hashes / TileWidth, (int)(hashes % TileWidth));
    }

    /// <summary>Width of the partial tile at <paramref name="level"/>: floor(size / 256^level) mod 256, 0 when there is none.</summary>
    public static int PartialWidth(long treeSize, int level) =>
        Levels(treeSize).FirstOrDefault(l => l.Level == level).PartialWidth;

    /// <summary>Every Merkle tile that exists for the tree size: full tiles and one partial per level where needed.</summary>
    public static IEnumerable<Tile> Tiles(long treeSize)
    {
        foreach (var level in Levels(treeSize))
        {
            for (long n = 0; n < level.FullTiles; n++) yield return new Tile(level.Level, n, TileWidth);
            if (level.PartialWidth > 0) yield return new Tile(level.Level, level.FullTiles, level.PartialWidth);
        }
    }

    /// <summary>Every entry bundle that exists for the tree size; they line up with the level-0 tiles.</summary>
    public static IEnumerable<EntryBundle> EntryBundles(long treeSize) =>
        Tiles(treeSize).TakeWhile(t => t.Level == 0).Select(t => new EntryBundle(t.Index, t.Width));

    /// <summary>The bundle that holds entry <paramref name="entryIndex"/> in a tree of <paramref name="treeSize"/> leaves.</summary>
    public static EntryBundle EntryBundleFor(long entryIndex, long treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(entryIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(entryIndex, treeSize);
        var index = entryIndex / TileWidth;
        return new EntryBundle(index, (int)Math.Min(TileWidth, treeSize - index * TileWidth));
    }

    /// <summary>
    /// The tile at (<paramref name="level"/>, <paramref name="index"/>) as it is in the tree of
    /// <paramref name="treeSize"/> leaves (full, or partial with its width), or null when that tree has no such tile.
    /// </summary>
    public static Tile? InTree(int level, long index, long treeSize)
    {
        if (level < 0 || level > MaxLevel || index < 0 || treeSize < 0) return null;
        var tiles = Levels(treeSize).FirstOrDefault(l => l.Level == level);
        if (index < tiles.FullTiles) return new Tile(level, index, TileWidth);
        return index == tiles.FullTiles && tiles.PartialWidth > 0 ? new Tile(level, index, tiles.PartialWidth) : null;
    }

    /// <summary>Whether the tile exists, exactly as listed by <see cref="Tiles"/>, for the tree size; a server answers 404 otherwise.</summary>
    public static bool Exists(Tile tile, long treeSize)
    {
        var level = Levels(treeSize).FirstOrDefault(l => l.Level == tile.Level);
        if (tile.Level < 0 || tile.Index < 0 || tile.Width is < 1 or > TileWidth) return false;
        return tile.IsPartial
            ? tile.Index == level.FullTiles && tile.Width == level.PartialWidth
            : tile.Index < level.FullTiles;
    }

    /// <summary>
    /// Whether the tile exists for <paramref name="treeSize"/> or for any smaller tree: what a server holding
    /// that tree serves. A client that read an older checkpoint asks for that size's partial tiles, and
    /// tlog-tiles lets a server drop a partial tile only once the full tile is there; hashes never change
    /// once stored, so the partial tile of a smaller tree is a prefix of what the server has.
    /// </summary>
    public static bool ExistsUpTo(Tile tile, long treeSize)
    {
        if (tile.Level is < 0 or > MaxLevel || tile.Index < 0 || tile.Width is < 1 or > TileWidth || treeSize < 0) return false;
        // Level L of a tree of S leaves holds floor(S / 256^L) hashes; the tile needs 256·N + W of them.
        var hashes = tile.Level * Height >= 63 ? 0 : treeSize >> (tile.Level * Height);
        return hashes >= tile.Width && tile.Index <= (hashes - tile.Width) / TileWidth;
    }

    /// <summary>Whether the entry bundle exists for <paramref name="treeSize"/> or any smaller tree (see <see cref="ExistsUpTo(Tile, long)"/>).</summary>
    public static bool ExistsUpTo(EntryBundle bundle, long treeSize) =>
        ExistsUpTo(new Tile(0, bundle.Index, bundle.Width), treeSize);

    /// <summary>Whether the entry bundle exists, exactly as listed by <see cref="EntryBundles"/>, for the tree size.</summary>
    public static bool Exists(EntryBundle bundle, long treeSize) =>
        Exists(new Tile(0, bundle.Index, bundle.Width), treeSize);

    private static bool TryParseIndex(ReadOnlySpan<char> text, out long index, out int width)
    {
        index = 0;
        width = TileWidth;
        var partial = text.IndexOf(".p/", StringComparison.Ordinal);
        if (partial >= 0)
        {
            // Width 256 is the full tile, which has no .p/ form.
            if (!TryParseSmall(text[(partial + 3)..], TileWidth - 1, out width) || width == 0) return false;
            text = text[..partial];
        }
        var first = true;
        while (true)
        {
            var slash = text.IndexOf('/');
            var last = slash < 0;
            var group = last ? text : text[..slash];
            if (!last)
            {
                // A leading x000 group would be a second spelling of the same index.
                if (group.Length != 4 || group[0] != 'x' || (first && group[1..].SequenceEqual("000"))) return false;
                group = group[1..];
            }
            if (group.Length != 3 || !char.IsAsciiDigit(group[0]) || !char.IsAsciiDigit(group[1]) || !char.IsAsciiDigit(group[2])) return false;
            var value = (group[0] - '0') * 100 + (group[1] - '0') * 10 + (group[2] - '0');
            if (index > (long.MaxValue - value) / 1000) return false;
            index = index * 1000 + value;
            if (last) return true;
            text = text[(slash + 1)..];
            first = false;
        }
    }

    /// <summary>A decimal 0..max with no sign, space or leading zero.</summary>
    private static bool TryParseSmall(ReadOnlySpan<char> text, int max, out int value)
    {
        value = 0;
        if (text.Length is 0 or > 3 || (text.Length > 1 && text[0] == '0')) return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return value <= max;
    }
}
