using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pacta.Core.Forum;
using Pacta.Core.People;

namespace Pacta.Core.PrivateSpaces;

internal sealed class PartySpaceKeyConfiguration : IEntityTypeConfiguration<PartySpaceKey>
{
    public void Configure(EntityTypeBuilder<PartySpaceKey> builder)
    {
        builder.HasKey(k => k.PartyKey);
        builder.Property(k => k.PartyKey).HasMaxLength(64);
        builder.HasOne<Party>().WithMany().HasForeignKey(k => k.PartyKey).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SpaceThreadConfiguration : IEntityTypeConfiguration<SpaceThread>
{
    public void Configure(EntityTypeBuilder<SpaceThread> builder)
    {
        builder.Property(t => t.PartyKey).HasMaxLength(64);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(t => new { t.PartyKey, t.LastActivityAt });
        builder.HasOne<Party>().WithMany().HasForeignKey(t => t.PartyKey).OnDelete(DeleteBehavior.Restrict);
        // A deleted account's threads stay for their party, by no one.
        builder.HasOne<Member>().WithMany().HasForeignKey(t => t.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SpaceCommentConfiguration : IEntityTypeConfiguration<SpaceComment>
{
    public void Configure(EntityTypeBuilder<SpaceComment> builder)
    {
        builder.HasIndex(c => new { c.ThreadId, c.CreatedAt });
        builder.HasOne<SpaceThread>().WithMany().HasForeignKey(c => c.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SpaceDocumentConfiguration : IEntityTypeConfiguration<SpaceDocument>
{
    public void Configure(EntityTypeBuilder<SpaceDocument> builder)
    {
        builder.Property(d => d.PartyKey).HasMaxLength(64);
        builder.HasIndex(d => new { d.PartyKey, d.UploadedAt });
        builder.HasOne<Party>().WithMany().HasForeignKey(d => d.PartyKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(d => d.UploadedBy).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class IncidentReportConfiguration : IEntityTypeConfiguration<IncidentReport>
{
    public void Configure(EntityTypeBuilder<IncidentReport> builder)
    {
        builder.Property(r => r.PartyKey).HasMaxLength(64);
        builder.HasOne<SpaceThread>().WithOne().HasForeignKey<IncidentReport>(r => r.Id).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Party>().WithMany().HasForeignKey(r => r.PartyKey).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PublishedIncidentConfiguration : IEntityTypeConfiguration<PublishedIncident>
{
    public void Configure(EntityTypeBuilder<PublishedIncident> builder)
    {
        builder.Property(i => i.PartyKey).HasMaxLength(64);
        builder.Property(i => i.Category).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Month).HasMaxLength(7);
        builder.Property(i => i.SummaryEs).HasMaxLength(SpaceLimits.SummaryMaxLength);
        builder.Property(i => i.SummaryEn).HasMaxLength(SpaceLimits.SummaryMaxLength);
        // Published once: the record's event is the incident's public state.
        builder.HasIndex(i => i.ReportId).IsUnique();
        builder.HasIndex(i => new { i.PartyKey, i.Month });
        // The public register outlives the private report (a party may one day clear its space).
        builder.HasOne<IncidentReport>().WithMany().HasForeignKey(i => i.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Party>().WithMany().HasForeignKey(i => i.PartyKey).OnDelete(DeleteBehavior.Restrict);
    }
}
