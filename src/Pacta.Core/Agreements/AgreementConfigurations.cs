using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pacta.Core.Commitments;
using Pacta.Core.Data;
using Pacta.Core.People;
using Pacta.Core.Plans;

namespace Pacta.Core.Agreements;

internal sealed class WorkingTableConfiguration : IEntityTypeConfiguration<WorkingTable>
{
    public void Configure(EntityTypeBuilder<WorkingTable> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.ComplexProperty(t => t.Theme).Texts();
        builder.HasOne<ActionPlan>().WithMany().HasForeignKey(t => t.PlanNumber).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Seats).WithOne().HasForeignKey(s => s.TableId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TableSeatConfiguration : IEntityTypeConfiguration<TableSeat>
{
    public void Configure(EntityTypeBuilder<TableSeat> builder)
    {
        builder.HasKey(s => new { s.TableId, s.MemberId });
        // A member who deletes their account leaves the tables; what they proposed stays under their organisation.
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommitmentVersionConfiguration : IEntityTypeConfiguration<CommitmentVersion>
{
    public void Configure(EntityTypeBuilder<CommitmentVersion> builder)
    {
        builder.HasKey(v => new { v.CommitmentCode, v.Number });
        builder.Property(v => v.CommitmentCode).HasMaxLength(32);
        builder.Property(v => v.Hash).HasMaxLength(64).IsFixedLength();
        builder.Property(v => v.ProposedByOrganization).HasMaxLength(128);
        builder.ComplexProperty(v => v.Reason).Texts();
        builder.ComplexProperty(v => v.Effect).Texts();
        builder.HasOne<Commitment>().WithMany().HasForeignKey(v => v.CommitmentCode).OnDelete(DeleteBehavior.Restrict);
        // No foreign key to the member: a deleted account leaves its versions, attributed to the organisation.
    }
}

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.CommitmentCode).HasMaxLength(32);
        builder.Property(v => v.PartyKey).HasMaxLength(64);
        builder.Property(v => v.Organization).HasMaxLength(128);
        builder.Property(v => v.RelyingPartyId).HasMaxLength(253);
        builder.Property(v => v.CredentialId).HasMaxLength(1024);
        builder.Property(v => v.Reason).HasMaxLength(CastVote.MaxReason);
        builder.Ignore(v => v.Unit);
        builder.HasOne<CommitmentVersion>().WithMany().HasForeignKey(v => new { v.CommitmentCode, v.VersionNumber }).OnDelete(DeleteBehavior.Restrict);
        // One vote per version and voting unit. The unit is the organisation, or the party voting as one (a null
        // organisation): the index keys on the organisation's name or the empty string, so that two nulls collide
        // on PostgreSQL too (where NULLs are distinct in a unique index).
        builder.Property<string>("UnitKey").HasMaxLength(128);
        builder.HasIndex("CommitmentCode", "VersionNumber", "PartyKey", "UnitKey").IsUnique();
    }
}
