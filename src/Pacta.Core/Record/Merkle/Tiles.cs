namespace Pacta.Core.Record.Merkle;

/// <summary>
/// A C2SP tlog-tiles Merkle tile: at tile level <see cref="Level"/>, tile <see cref="Index"/> holds
/// the <see cref="Width"/> stored hashes of hash level 8 × Level starting at index 256 × Index.
/// </summary>
public readonly record struct TileId(int Level, long Index, int Width)
{
    /// <summary>The stored hashes that make up the tile, in the order the tile lists them.</summary>
    public HashPosition[] HashPositions()
    {
        var positions = new HashPosition[Width];
        for (var i = 0; i < Width; i++) positions[i] = new(Level * Tiles.Height, Index * Tiles.FullWidth + i);
        return positions;
    }

    /// <summary>Whether the tile holds all 256 hashes and so never changes again.</summary>
    public bool IsFull => Width == Tiles.FullWidth;
}

/// <summary>
/// C2SP tlog-tiles math (tile height 8): which stored hashes make up a tile, which tiles make up a
/// tree, and reading stored hashes back out of tiles. Because hashes are stored by
/// <see cref="HashPosition"/>, a tile is a plain range of one level: serving it computes nothing.
/// </summary>
public static class Tiles
{
    /// <summary>Levels of the tree covered by one tile level.</summary>
    public const int Height = 8;

    /// <summary>Hashes in a full tile.</summary>
    public const int FullWidth = 1 << Height;

    /// <summary>
    /// Every tile of the tree of <paramref name="size"/> leaves, bottom level first: the full tiles
    /// of each level and, where the level's hashes do not fill one, its partial last tile.
    /// </summary>
    public static IEnumerable<TileId> ForTreeSize(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        // The bound on level matters: C# masks a shift of 64 to 0, which would never end the loop.
        for (var level = 0; Height * level < 64 && (size >> (Height * level)) > 0; level++)
        {
            var hashes = size >> (Height * level);
            for (long index = 0; index < hashes / FullWidth; index++) yield return new(level, index, FullWidth);
            if (hashes % FullWidth != 0) yield return new(level, hashes / FullWidth, (int)(hashes % FullWidth));
        }
    }

    /// <summary>
    /// The tile at (<paramref name="level"/>, <paramref name="index"/>) as it is in the tree of
    /// <paramref name="size"/> leaves, or null when that tree has no such tile.
    /// </summary>
    public static TileId? InTree(int level, long index, long size)
    {
        if (level < 0 || level * Height >= 63 || index < 0 || size < 0) return null;
        var hashes = size >> (Height * level);
        if (index > (hashes - 1) / FullWidth || hashes == 0) return null;
        return new(level, index, (int)Math.Min(FullWidth, hashes - index * FullWidth));
    }

    /// <summary>A tile's bytes: its hashes concatenated, 32 bytes each.</summary>
    public static byte[] Encode(ReadOnlySpan<Hash> hashes)
    {
        var bytes = new byte[hashes.Length * Hash.Size];
        for (var i = 0; i < hashes.Length; i++) hashes[i].AsSpan().CopyTo(bytes.AsSpan(i * Hash.Size));
        return bytes;
    }

    /// <summary>Splits a tile's bytes into hashes; false unless it is exactly <paramref name="width"/> hashes.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, int width, out Hash[] hashes)
    {
        hashes = [];
        if (width is < 1 or > FullWidth || bytes.Length != width * Hash.Size) return false;
        hashes = new Hash[width];
        for (var i = 0; i < width; i++) hashes[i] = new(bytes.Slice(i * Hash.Size, Hash.Size));
        return true;
    }
}

/// <summary>
/// Serves stored hashes for the tree of a given size from its tiles: a hash at level 8L + r is
/// rebuilt from the 2^r level-8L hashes of one tile, so proofs and roots can be computed from
/// downloaded tiles exactly as from the database.
/// </summary>
/// <remarks>
/// It trusts the tiles it is given: a verifier checks the resulting root against a signed
/// checkpoint (and level-0 tiles against the entries) before believing anything built from them.
/// </remarks>
/// <param name="size">The tree size the tiles belong to; it decides each tile's width.</param>
/// <param name="readTile">Returns a tile's hashes (exactly its width of them); it may cache.</param>
public sealed class TileHashReader(long size, Func<TileId, ReadOnlyMemory<Hash>> readTile) : IHashReader
{
    /// <inheritdoc />
    public void ReadHashes(ReadOnlySpan<HashPosition> positions, Span<Hash> hashes)
    {
        for (var i = 0; i < positions.Length; i++) hashes[i] = Read(positions[i]);
    }

    private Hash Read(HashPosition position)
    {
        var (level, index) = position;
        if (level < 0 || index < 0 || level >= 63 || position.CompleteAt > size)
            throw new KeyNotFoundException($"The tree of size {size} has no stored hash at level {level}, index {index}.");
        var tileLevel = level / Tiles.Height;
        var above = level % Tiles.Height;
        var first = index << above;
        var tile = Tiles.InTree(tileLevel, first / Tiles.FullWidth, size)
            ?? throw new KeyNotFoundException($"The tree of size {size} has no tile for level {level}, index {index}.");
        var tileHashes = readTile(tile).Span;
        if (tileHashes.Length != tile.Width) throw new InvalidDataException($"Tile {tile} has {tileHashes.Length} hashes.");

        // Hash the 2^above tile hashes pairwise up to the requested level; each pass halves them.
        var count = 1 << above;
        Span<Hash> work = stackalloc Hash[count];
        tileHashes.Slice((int)(first % Tiles.FullWidth), count).CopyTo(work);
        for (; count > 1; count /= 2)
            for (var j = 0; j < count / 2; j++) work[j] = Hash.Node(work[2 * j], work[2 * j + 1]);
        return work[0];
    }
}
