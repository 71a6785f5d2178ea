using System.Text;
using Pacta.Core.Record.Merkle;
using Pacta.Core.Record.Notes;
using Pacta.Core.Record.Tiles;
using Pacta.Core.Verification;

namespace Pacta.Core.Tests.Verification;

/// <summary>A tlog-tiles log held as files in memory, served like a static directory: what a test removes or edits, the verifier sees.</summary>
public sealed class MemoryLog : ILogSource
{
    private readonly MemoryHashStore store = new();
    private readonly List<byte[]> entries = [];

    public MemoryLog(NoteSigner signer) => Signer = signer;

    public NoteSigner Signer { get; }
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);
    public List<string> Requests { get; } = [];
    public long Size => store.Size;

    public static byte[] Entry(long index) => Encoding.UTF8.GetBytes($"{{\"entry\":{index},\"pad\":\"{new string('x', (int)(index % 37))}\"}}");

    /// <summary>Appends entries, writes every tile and bundle of the new size (older ones stay), and signs a checkpoint.</summary>
    public MemoryLog Grow(long count, Func<long, byte[]>? entry = null)
    {
        for (long i = 0; i < count; i++)
        {
            var bytes = (entry ?? Entry)(store.Size);
            entries.Add(bytes);
            store.Append(Hash.Leaf(bytes));
        }
        foreach (var tile in TileLayout.Tiles(Size))
        {
            var positions = TileHashes.Positions(tile);
            var hashes = new Hash[positions.Length];
            store.ReadHashes(positions, hashes);
            Files[tile.Path] = TileHashes.Encode(hashes);
        }
        foreach (var bundle in TileLayout.EntryBundles(Size))
        {
            Files[bundle.Path] = EntryBundleFormat.Encode(
                [.. Enumerable.Range(0, bundle.Width).Select(i => entries[(int)(bundle.Index * TileLayout.TileWidth + i)])]);
        }
        Files["checkpoint"] = SignCheckpoint(Signer.Name, Size, Root);
        return this;
    }

    public Hash Root => MerkleTree.Root(Size, store);

    public byte[] SignCheckpoint(string origin, long size, Hash root, NoteSigner? signer = null) =>
        new Checkpoint(origin, size, root.AsSpan()).Sign(signer ?? Signer);

    public Task<byte[]?> GetAsync(string path, int maxBytes, CancellationToken cancellationToken)
    {
        lock (Requests) Requests.Add(path);
        return Task.FromResult(Files.TryGetValue(path, out var bytes) ? bytes.ToArray() : null);
    }
}
