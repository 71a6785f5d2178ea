using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pacta.Core.Agreements;
using Pacta.Core.Data;

namespace Pacta.Core.Plans;

internal sealed class StageProposalConfiguration : IEntityTypeConfiguration<StageProposal>
{
    public void Configure(EntityTypeBuilder<StageProposal> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasAlternateKey(p => new { p.PlanNumber, p.Number });
        builder.Property(p => p.ProposedByOrganization).HasMaxLength(128);
        builder.ComplexProperty(p => p.Reason).Texts();
        builder.HasOne<ActionPlan>().WithMany().HasForeignKey(p => p.PlanNumber).OnDelete(DeleteBehavior.Restrict);
        // No foreign key to the member: a deleted account leaves its proposals, attributed to the organisation.
    }
}

internal sealed class StageVoteConfiguration : IEntityTypeConfiguration<StageVote>
{
    public void Configure(EntityTypeBuilder<StageVote> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.PartyKey).HasMaxLength(64);
        builder.Property(v => v.Organization).HasMaxLength(128);
        builder.Property(v => v.RelyingPartyId).HasMaxLength(253);
        builder.Property(v => v.CredentialId).HasMaxLength(1024);
        builder.Property(v => v.Reason).HasMaxLength(CastVote.MaxReason);
        builder.Ignore(v => v.Unit);
        builder.HasOne<StageProposal>().WithMany().HasForeignKey(v => new { v.PlanNumber, v.ProposalNumber })
            .HasPrincipalKey(p => new { p.PlanNumber, p.Number }).OnDelete(DeleteBehavior.Restrict);
        // One vote per proposal and voting unit, as for a commitment's version (VoteConfiguration): an empty unit key
        // stands for the whole party, so that two of them collide on PostgreSQL too.
        builder.Property<string>("UnitKey").HasMaxLength(128);
        builder.HasIndex("PlanNumber", "ProposalNumber", "PartyKey", "UnitKey").IsUnique();
    }
}
