using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pacta.Core.Forum;

namespace Pacta.Core.People;

// Identity's own tables are configured by IdentityUserContext (schema version 3, with passkeys); these are Pacta's.

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.Property(m => m.DisplayName).HasMaxLength(Member.DisplayNameMaxLength);
        builder.Property(m => m.Language).HasMaxLength(2);
        // A member's organisation cannot be deleted under them (organisations are never deleted today).
        builder.HasOne(m => m.Organization).WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.Property(a => a.PartyKey).HasMaxLength(64);
        builder.HasIndex(a => a.MemberId);
        builder.HasIndex(a => a.PartyKey);
        builder.HasOne<Party>().WithMany().HasForeignKey(a => a.PartyKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // Deleting an account ends its appointments first (DeleteAccount); the rows stay for the record's sake
        // only as long as the member does, since they name a person.
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(a => a.IsActive);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.TokenHash).HasMaxLength(32);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.PartyKey).HasMaxLength(64);
        builder.HasOne<Party>().WithMany().HasForeignKey(i => i.PartyKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MemberSessionConfiguration : IEntityTypeConfiguration<MemberSession>
{
    public void Configure(EntityTypeBuilder<MemberSession> builder)
    {
        builder.Property(s => s.Device).HasMaxLength(MemberSession.DeviceMaxLength);
        builder.Property(s => s.Method).HasMaxLength(32);
        builder.HasIndex(s => s.MemberId);
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> builder)
    {
        builder.Property(e => e.Kind).HasMaxLength(48);
        builder.Property(e => e.PartyKey).HasMaxLength(64);
        builder.Property(e => e.Detail).HasMaxLength(SecurityEvent.DetailMaxLength);
        builder.HasIndex(e => new { e.PartyKey, e.At });
        builder.HasIndex(e => new { e.MemberId, e.At });
        // No foreign key to Members: the log outlives a deleted account (its lines then name no one).
    }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.Property(m => m.Subject).HasMaxLength(InboxMessage.SubjectMaxLength);
        builder.Property(m => m.Body).HasMaxLength(4000);
        builder.HasIndex(m => new { m.MemberId, m.At });
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
