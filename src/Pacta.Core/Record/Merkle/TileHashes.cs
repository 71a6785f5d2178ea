using Pacta.Core.Record.Tiles;

namespace Pacta.Core.Record.Merkle;

/// <summary>
/// The Merkle side of C2SP tlog-tiles (which tiles exist, and their paths, is <see cref="TileLayout"/>):
/// which stored hashes make up a tile, and a tile's bytes. Because hashes are stored by
/// <see cref="HashPosition"/>, a tile is a plain range of one level: serving it computes nothing.
/// </summary>
public static class TileHashes
{
    /// <summary>The stored hashes that make up the tile, in the order the tile lists them.</summary>
    public static HashPosition[] Positions(Tile tile)
    {
        var positions = new HashPosition[tile.Width];
        for (var i = 0; i < tile.Width; i++) positions[i] = new(tile.Level * TileLayout.Height, tile.Index * TileLayout.TileWidth + i);
        return positions;
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
        if (width is < 1 or > TileLayout.TileWidth || bytes.Length != width * Hash.Size) return false;
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
public sealed class TileHashReader(long size, Func<Tile, ReadOnlyMemory<Hash>> readTile) : IHashReader
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
        var tileLevel = level / TileLayout.Height;
        var above = level % TileLayout.Height;
        var first = index << above;
        var tile = TileLayout.InTree(tileLevel, first / TileLayout.TileWidth, size)
            ?? throw new KeyNotFoundException($"The tree of size {size} has no tile for level {level}, index {index}.");
        var tileHashes = readTile(tile).Span;
        if (tileHashes.Length != tile.Width) throw new InvalidDataException($"Tile {tile} has {tileHashes.Length} hashes.");

        // Hash the 2^above tile hashes pairwise up to the requested level; each pass halves them.
        var count = 1 << above;
        Span<Hash> work = stackalloc Hash[count];
        tileHashes.Slice((int)(first % TileLayout.TileWidth), count).CopyTo(work);
        for (; count > 1; count /= 2)
            for (var j = 0; j < count / 2; j++) work[j] = Hash.Node(work[2 * j], work[2 * j + 1]);
        return work[0];
    }
}
