using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pacta.Core.Commitments;
using Pacta.Core.Forum;
using Pacta.Core.Plans;

namespace Pacta.Core.Data;

// One configuration per entity; they are short, so they share this file.

internal sealed class ForumConfiguration : IEntityTypeConfiguration<Forum.Forum>
{
    public void Configure(EntityTypeBuilder<Forum.Forum> builder)
    {
        builder.ToTable("Forums");
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.ComplexProperty(f => f.Name).Texts();
        builder.ComplexProperty(f => f.FormerName).Texts();
        builder.ComplexProperty(f => f.MemberName).Texts();
        builder.Property(f => f.MemberKind).HasMaxLength(32);
    }
}

internal sealed class PartyConfiguration : IEntityTypeConfiguration<Party>
{
    public void Configure(EntityTypeBuilder<Party> builder)
    {
        builder.HasKey(p => p.Key);
        builder.Property(p => p.Key).HasMaxLength(64);
        builder.ComplexProperty(p => p.Name).Texts();
        builder.HasMany(p => p.Organizations).WithOne(o => o.Party).HasForeignKey(o => o.PartyKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.ParticipationHistory).WithOne().HasForeignKey(c => c.PartyKey).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.Property(o => o.ShortName).HasMaxLength(128);
        builder.HasIndex(o => o.ShortName).IsUnique();
        builder.Property(o => o.PartyKey).HasMaxLength(64);
        builder.ComplexProperty(o => o.Name).Texts();
    }
}

internal sealed class ParticipationChangeConfiguration : IEntityTypeConfiguration<ParticipationChange>
{
    public void Configure(EntityTypeBuilder<ParticipationChange> builder)
    {
        builder.Property(c => c.PartyKey).HasMaxLength(64);
        // A party cannot enter the same status twice on one date: this is what makes re-import idempotent.
        builder.HasIndex(c => new { c.PartyKey, c.Date, c.Status }).IsUnique();
        builder.Property(c => c.Source).HasMaxLength(1000);
    }
}

internal sealed class ActionPlanConfiguration : IEntityTypeConfiguration<ActionPlan>
{
    public void Configure(EntityTypeBuilder<ActionPlan> builder)
    {
        builder.HasKey(p => p.Number);
        builder.Property(p => p.Number).ValueGeneratedNever();
        builder.ComplexProperty(p => p.Title).Texts();
        builder.Property(p => p.Source).HasMaxLength(4000);
        builder.HasMany(p => p.Commitments).WithOne(c => c.Plan).HasForeignKey(c => c.PlanNumber).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> builder)
    {
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(32);
        builder.ComplexProperty(c => c.Title).Texts();
        builder.ComplexProperty(c => c.Problem).Texts();
        builder.ComplexProperty(c => c.StatusQuo).Texts();
        builder.ComplexProperty(c => c.Objective).Texts();
        builder.Property(c => c.PolicyArea).HasMaxLength(200);
        builder.HasOne(c => c.LeadOrganization).WithMany().HasForeignKey(c => c.LeadOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.SupportingInstitutions).WithOne().HasForeignKey(s => s.CommitmentCode).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Milestones).WithOne().HasForeignKey(m => m.CommitmentCode).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.PlanNumber, c.Position });
        builder.Property(c => c.AgreedVersionHash).HasMaxLength(64).IsFixedLength();
        builder.HasOne<Agreements.WorkingTable>().WithMany().HasForeignKey(c => c.WorkingTableId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupportingInstitutionConfiguration : IEntityTypeConfiguration<SupportingInstitution>
{
    public void Configure(EntityTypeBuilder<SupportingInstitution> builder)
    {
        builder.HasKey(s => new { s.CommitmentCode, s.OrganizationId });
        builder.HasOne(s => s.Organization).WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.HasIndex(m => new { m.CommitmentCode, m.Number }).IsUnique();
        builder.ComplexProperty(m => m.Title).Texts();
        builder.HasOne(m => m.ResponsibleOrganization).WithMany().HasForeignKey(m => m.ResponsibleOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.Weight).HasPrecision(9, 4);
    }
}

internal static class LocalizedTextMapping
{
    /// <summary>Maps a bilingual text to two nullable columns, <c>X_Es</c> and <c>X_En</c>.</summary>
    public static void Texts(this ComplexPropertyBuilder<LocalizedText> text)
    {
        text.Property(t => t.Es);
        text.Property(t => t.En);
    }
}
