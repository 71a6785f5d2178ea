using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pacta.Core.People;

/// <summary>
/// A passkey credential that the record carries for an appointment (in its latest <c>representative.appointed</c>
/// entry). Publishing an appointment again compares the member's passkeys with these rows and appends only when
/// they differ, so calling it twice appends once.
/// </summary>
public sealed class PublishedCredential
{
    public required Guid AppointmentId { get; init; }
    public required byte[] CredentialId { get; init; }
    public required DateTimeOffset PublishedAt { get; init; }
}

internal sealed class PublishedCredentialConfiguration : IEntityTypeConfiguration<PublishedCredential>
{
    public void Configure(EntityTypeBuilder<PublishedCredential> builder)
    {
        builder.HasKey(c => new { c.AppointmentId, c.CredentialId });
        builder.Property(c => c.CredentialId).HasMaxLength(1024);
        // No foreign key to the passkey: a passkey removed by its owner stays published until the next entry says otherwise.
        builder.HasOne<Appointment>().WithMany().HasForeignKey(c => c.AppointmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
