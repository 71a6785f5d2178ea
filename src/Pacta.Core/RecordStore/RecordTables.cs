namespace Pacta.Core.RecordStore;

// The record's four tables (docs/adr/0002-record-storage.md). Rows are written only by
// RecordAppender (and, later, the checkpoint signer); they are small, so they share this file.

/// <summary>One event of the record: its canonical bytes and their RFC 9162 leaf hash. Never updated.</summary>
public sealed class RecordEntry
{
    /// <summary>The leaf index, from 0, with no gap.</summary>
    public required long Index { get; init; }

    /// <summary>The event as RFC 8785 canonical JSON (UTF-8): exactly the bytes that were hashed.</summary>
    public required byte[] Bytes { get; init; }

    /// <summary>SHA-256(0x00 || <see cref="Bytes"/>), stored so tiles and proofs never rehash entries.</summary>
    public required byte[] LeafHash { get; init; }

    /// <summary>
    /// The event's <c>subject</c>, copied out of <see cref="Bytes"/> so a page can find the entry that set an
    /// entity's current state with an index seek. Not covered by the hash: a page links to an entry, and the
    /// entry's own page and proof are what a reader checks.
    /// </summary>
    public required string Subject { get; init; }
}

/// <summary>
/// The hash of one complete subtree (Go's sumdb/tlog layout, see <see cref="Record.Merkle.HashPosition"/>):
/// stored once when its last leaf is appended, never updated. Level 0 repeats the leaf hashes so that a
/// tile is one range of one level.
/// </summary>
public sealed class RecordHash
{
    public required int Level { get; init; }
    public required long Index { get; init; }
    public required byte[] Hash { get; init; }
}

/// <summary>
/// The record's one head row: its size and root. Every append locks and updates it, which is what
/// serializes appends across processes.
/// </summary>
public sealed class RecordHead
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;
    public long Size { get; set; }
    public required byte[] Root { get; set; }
}

/// <summary>A signed checkpoint (C2SP tlog-checkpoint note) for one tree size; all are kept, since verifiers ask for old ones.</summary>
public sealed class StoredCheckpoint
{
    public required long Size { get; init; }

    /// <summary>The signed note text, exactly as served.</summary>
    public required string Text { get; init; }
}
