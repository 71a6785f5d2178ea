using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;
using Pacta.Core.Record.Merkle;

namespace Pacta.Core.RecordStore;

/// <summary>One entry of the record with its RFC 9162 inclusion proof to a signed checkpoint's tree.</summary>
/// <param name="Entry">The stored entry: its exact bytes and leaf hash.</param>
/// <param name="Checkpoint">The checkpoint the proof is to; its root is what the proof verifies against.</param>
/// <param name="InclusionProof">The audit path, nearest sibling first.</param>
public sealed record ProvenEntry(RecordEntry Entry, StoredCheckpoint Checkpoint, IReadOnlyList<Hash> InclusionProof)
{
    /// <summary>
    /// Reads entry <paramref name="index"/> and its inclusion proof to <paramref name="checkpoint"/>, or null when
    /// that checkpoint's tree does not hold the index (not signed yet, or beyond the record). The open data API and
    /// the entry's public page both read it here, so the two always show the same proof.
    /// </summary>
    public static async Task<ProvenEntry?> ReadAsync(PactaDbContext db, long index, StoredCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (index < 0 || index >= checkpoint.Size) return null;
        var entry = await db.RecordEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Index == index, cancellationToken)
            // A signed size covers this index, so a missing row is a broken database, not a 404.
            ?? throw new InvalidOperationException($"The record has no entry {index} below its checkpoint size {checkpoint.Size}.");
        var proof = MerkleTree.InclusionProof(index, checkpoint.Size,
            await db.ReadHashesAsync(MerkleTree.InclusionPositions(index, checkpoint.Size), cancellationToken));
        return new ProvenEntry(entry, checkpoint, proof);
    }
}
