using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pacta.Core.Commitments;
using Pacta.Core.Data;

namespace Pacta.Core.Progress;

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.CommitmentCode).HasMaxLength(32);
        builder.Property(r => r.Organization).HasMaxLength(128);
        builder.Property(r => r.PartyKey).HasMaxLength(64);
        builder.ComplexProperty(r => r.Narrative).Texts();
        builder.HasOne<Commitment>().WithMany().HasForeignKey(r => r.CommitmentCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.CommitmentCode, r.MilestoneNumber });
        builder.HasMany(r => r.Evidence).WithOne().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> builder)
    {
        builder.HasKey(e => new { e.ReportId, e.Position });
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.Property(e => e.FileName).HasMaxLength(200);
        builder.Property(e => e.MediaType).HasMaxLength(128);
        builder.Property(e => e.Url).HasMaxLength(ReportProgress.MaxUrl);
        builder.HasIndex(e => e.Sha256);
    }
}

internal sealed class ProgressDisputeConfiguration : IEntityTypeConfiguration<ProgressDispute>
{
    public void Configure(EntityTypeBuilder<ProgressDispute> builder)
    {
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.PartyKey).HasMaxLength(64);
        builder.Property(d => d.Organization).HasMaxLength(128);
        builder.Property(d => d.AnsweredByOrganization).HasMaxLength(128);
        builder.Property(d => d.Reason).HasMaxLength(DisputeReport.MaxReason);
        builder.Property(d => d.Answer).HasMaxLength(DisputeReport.MaxReason);
        builder.HasOne<ProgressReport>().WithMany().HasForeignKey(d => d.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.ReportId, d.Organization }).IsUnique();
    }
}
