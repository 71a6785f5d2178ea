using Pacta.Core.People;
using Pacta.Core.RecordStore;

namespace Pacta.Web.People;

/// <summary>
/// Publishes a representative's appointment in the record (<c>representative.appointed</c>): party, organisation,
/// the appointment and the public passkey credentials, never the person's name or email. Call it after a member's
/// passkeys change (one registered or removed) and after accepting an invitation that appoints them; it appends only
/// when the record's state of an active appointment differs from the member's passkeys (<see cref="PublishAppointment"/>).
/// </summary>
internal sealed class AppointmentRecord(RecordWriter writer, TimeProvider time)
{
    public Task PublishAsync(Guid memberId, CancellationToken cancellationToken = default) =>
        new PublishAppointment(writer, time).ExecuteAsync(memberId, cancellationToken);
}
