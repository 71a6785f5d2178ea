using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pacta.Core.Record.Merkle;

namespace Pacta.Core.RecordStore;

internal sealed class RecordEntryConfiguration : IEntityTypeConfiguration<RecordEntry>
{
    public void Configure(EntityTypeBuilder<RecordEntry> builder)
    {
        builder.ToTable("RecordEntries");
        builder.HasKey(e => e.Index);
        // The index is the head's size at the append, never a database sequence: a sequence can skip.
        builder.Property(e => e.Index).ValueGeneratedNever();
        builder.Property(e => e.LeafHash).HasMaxLength(Hash.Size).IsFixedLength();
        // Subject then Index: "the newest entry about X" is one seek to the end of X's range.
        builder.HasIndex(e => new { e.Subject, e.Index });
    }
}

internal sealed class RecordHashConfiguration : IEntityTypeConfiguration<RecordHash>
{
    public void Configure(EntityTypeBuilder<RecordHash> builder)
    {
        builder.ToTable("RecordHashes");
        // (Level, Index) first in the key: a tile is the range Level = L, Index in [a, b).
        builder.HasKey(h => new { h.Level, h.Index });
        builder.Property(h => h.Level).ValueGeneratedNever();
        builder.Property(h => h.Index).ValueGeneratedNever();
        builder.Property(h => h.Hash).HasMaxLength(Hash.Size).IsFixedLength();
    }
}

internal sealed class RecordHeadConfiguration : IEntityTypeConfiguration<RecordHead>
{
    public void Configure(EntityTypeBuilder<RecordHead> builder)
    {
        builder.ToTable("RecordHead");
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Root).HasMaxLength(Hash.Size).IsFixedLength();
        // The head row exists from the migration on, so an append only ever locks and updates it:
        // creating it on first append would let two first appends race to insert it.
        builder.HasData(new RecordHead { Id = RecordHead.SingletonId, Size = 0, Root = Hash.Empty.ToArray() });
    }
}

internal sealed class StoredCheckpointConfiguration : IEntityTypeConfiguration<StoredCheckpoint>
{
    public void Configure(EntityTypeBuilder<StoredCheckpoint> builder)
    {
        builder.ToTable("Checkpoints");
        builder.HasKey(c => c.Size);
        builder.Property(c => c.Size).ValueGeneratedNever();
    }
}
