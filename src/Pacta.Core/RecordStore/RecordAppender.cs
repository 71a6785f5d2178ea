using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Pacta.Core.Data;
using Pacta.Core.Record.Merkle;

namespace Pacta.Core.RecordStore;

/// <summary>Appends events to the record inside the transaction of the change they describe.</summary>
/// <remarks>
/// The caller has applied its change to the context and holds a transaction from
/// <see cref="PactaDbContext.BeginWriteTransactionAsync"/>; <see cref="AppendAsync"/> locks the head
/// (PostgreSQL: <c>SELECT … FOR UPDATE</c>; SQLite: the write lock the transaction already holds),
/// numbers the events from the head's size, stores their entries and the subtree hashes they complete,
/// moves the head, and saves the context (so the caller's pending changes are saved with them). The
/// caller commits: change and events become visible together or not at all. No gap and no duplicate:
/// the index is assigned under the head lock, and the primary keys would refuse a duplicate anyway.
/// </remarks>
public sealed class RecordAppender(PactaDbContext db, TimeProvider time)
{
    /// <summary>Appends <paramref name="events"/> in order, all with the same time; returns the index of the first (or the size, when there are none).</summary>
    public async Task<long> AppendAsync(IReadOnlyList<RecordEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Appending to the record needs the transaction of the change (PactaDbContext.BeginWriteTransactionAsync).");

        var size = await LockHeadAsync(transaction, cancellationToken);
        if (events.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            return size;
        }

        var now = time.GetUtcNow();
        var newSize = size + events.Count;
        var known = await ReadFrontierAsync(size, newSize, cancellationToken);

        var hashes = new List<RecordHash>();
        for (var i = 0; i < events.Count; i++)
        {
            var index = size + i;
            var bytes = events[i].Encode(now);
            var leaf = Hash.Leaf(bytes);
            var positions = MerkleTree.AppendPositions(index);
            var siblings = new Hash[positions.Length];
            for (var p = 0; p < positions.Length; p++) siblings[p] = known[positions[p]];
            var created = new StoredHash[positions.Length + 1];
            MerkleTree.Append(index, leaf, siblings, created);

            db.RecordEntries.Add(new RecordEntry { Index = index, Bytes = bytes, LeafHash = leaf.ToArray(), Subject = events[i].Subject });
            foreach (var stored in created)
            {
                known[stored.Position] = stored.Hash;
                hashes.Add(new RecordHash { Level = stored.Position.Level, Index = stored.Position.Index, Hash = stored.Hash.ToArray() });
            }
        }
        db.RecordHashes.AddRange(hashes);

        var rootPositions = MerkleTree.RootPositions(newSize);
        var root = MerkleTree.Root(newSize, rootPositions.Select(p => known[p]).ToArray());
        await db.SaveChangesAsync(cancellationToken);

        // Guarded by the old size: if anything ever moved the head without the lock, this updates
        // nothing and the transaction is refused rather than committing a fork.
        var rootBytes = root.ToArray();
        var updated = await db.RecordHeads
            .Where(h => h.Id == RecordHead.SingletonId && h.Size == size)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Size, newSize).SetProperty(h => h.Root, rootBytes), cancellationToken);
        if (updated != 1) throw new InvalidOperationException($"The record head moved from size {size} during an append.");
        return size;
    }

    /// <summary>Locks the head row for this transaction and reads the size.</summary>
    private async Task<long> LockHeadAsync(IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        // Raw SQL through the open transaction, not a tracked query: a head tracked from an earlier
        // append in this context would be returned as it was then, not as it is in the database.
        // SQLite has no row locks; BEGIN IMMEDIATE already holds the database's write lock.
        var sql = db.Database.IsNpgsql()
            ? """SELECT "Size" FROM "RecordHead" WHERE "Id" = 1 FOR UPDATE"""
            : """SELECT "Size" FROM "RecordHead" WHERE "Id" = 1""";
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = sql;
        var size = await command.ExecuteScalarAsync(cancellationToken);
        return size is null or DBNull
            ? throw new InvalidOperationException("The record head row is missing: the database is not migrated, or was edited.")
            : Convert.ToInt64(size, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Reads, in one query, the stored hashes this batch needs that already exist: the left siblings
    /// of its first leaves and the complete subtrees of the new root that end before
    /// <paramref name="size"/>. All of them lie on the right edge of the tree of <paramref name="size"/>.
    /// </summary>
    private async Task<Dictionary<HashPosition, Hash>> ReadFrontierAsync(long size, long newSize, CancellationToken cancellationToken)
    {
        var needed = new HashSet<HashPosition>();
        for (var index = size; index < newSize; index++)
            foreach (var position in MerkleTree.AppendPositions(index))
                if (position.CompleteAt <= size) needed.Add(position);
        foreach (var position in MerkleTree.RootPositions(newSize))
            if (position.CompleteAt <= size) needed.Add(position);

        if (needed.Count == 0) return [];
        var positions = needed.ToList();
        var hashes = await db.ReadHashesAsync(positions, cancellationToken);
        return positions.Zip(hashes).ToDictionary(pair => pair.First, pair => pair.Second);
    }
}
