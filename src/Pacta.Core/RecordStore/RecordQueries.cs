using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;
using Pacta.Core.Record.Merkle;

namespace Pacta.Core.RecordStore;

/// <summary>Reads of the record shared by its writers and its servers.</summary>
public static class RecordQueries
{
    /// <summary>
    /// The newest signed checkpoint, or null before the first. Everything served (the checkpoint, tiles,
    /// proofs) is for this size, never the live head: a client can only check what a checkpoint signed.
    /// </summary>
    public static Task<StoredCheckpoint?> NewestCheckpointAsync(this PactaDbContext db, CancellationToken cancellationToken) =>
        db.Checkpoints.AsNoTracking().OrderByDescending(c => c.Size).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The newest signed checkpoint's size, 0 before the first (a checkpoint is never signed for an empty
    /// tree). For the readers that need the size only, on hot paths (every tile request), without its text.
    /// </summary>
    public static async Task<long> NewestCheckpointSizeAsync(this PactaDbContext db, CancellationToken cancellationToken) =>
        await db.Checkpoints.MaxAsync(c => (long?)c.Size, cancellationToken) ?? 0;

    /// <summary>
    /// The stored hashes at <paramref name="positions"/>, in that order, read in one query (for the tree
    /// math's two-step form: positions → one batch read → build).
    /// </summary>
    /// <remarks>
    /// EF cannot translate <c>Contains</c> over (level, index) pairs, and a proof's positions are scattered
    /// over levels, so the query is an OR of key lookups with parameters (as <see cref="RecordAppender"/> reads
    /// its frontier): one round trip, each term an index seek. A missing position means the caller asked for a
    /// size beyond what is stored, a storage fault, so it throws.
    /// </remarks>
    public static async Task<Hash[]> ReadHashesAsync(this PactaDbContext db, IReadOnlyList<HashPosition> positions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(positions);
        if (positions.Count == 0) return [];
        var sql = new StringBuilder("""SELECT * FROM "RecordHashes" WHERE """);
        var parameters = new List<object>();
        foreach (var position in positions.Distinct())
        {
            if (parameters.Count > 0) sql.Append(" OR ");
            sql.Append(CultureInfo.InvariantCulture,
                $$"""("Level" = {{{parameters.Count}}} AND "Index" = {{{parameters.Count + 1}}})""");
            parameters.Add(position.Level);
            parameters.Add(position.Index);
        }
        var rows = await db.RecordHashes.FromSqlRaw(sql.ToString(), [.. parameters]).AsNoTracking().ToListAsync(cancellationToken);
        var known = rows.ToDictionary(r => new HashPosition(r.Level, r.Index), r => new Hash(r.Hash));
        var hashes = new Hash[positions.Count];
        for (var i = 0; i < hashes.Length; i++)
        {
            if (!known.TryGetValue(positions[i], out hashes[i]))
                throw new InvalidOperationException($"The record has no stored hash at level {positions[i].Level}, index {positions[i].Index}.");
        }
        return hashes;
    }

    /// <summary>
    /// For each subject, the index of the newest entry about it (the one that set its current state), among
    /// the entries covered by the newest checkpoint, so a page never links to an entry it cannot prove yet.
    /// Subjects without such an entry are absent from the result.
    /// </summary>
    public static async Task<Dictionary<string, long>> NewestEntriesAsync(this PactaDbContext db, IEnumerable<string> subjects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subjects);
        var wanted = subjects.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0) return new(StringComparer.Ordinal);
        var size = await db.NewestCheckpointSizeAsync(cancellationToken);
        var rows = await db.RecordEntries.AsNoTracking()
            .Where(e => wanted.Contains(e.Subject) && e.Index < size)
            .GroupBy(e => e.Subject)
            .Select(g => new { Subject = g.Key, Index = g.Max(e => e.Index) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Subject, r => r.Index, StringComparer.Ordinal);
    }
}
