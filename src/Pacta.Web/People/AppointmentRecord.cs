namespace Pacta.Web.People;

/// <summary>
/// Publishes a representative's appointment in the record (<c>representative.appointed</c>): party, organisation,
/// role and the public passkey credentials, never the person's name or email. Called when an appointment is made
/// and when an appointed representative registers another passkey.
/// </summary>
/// <remarks>Being built (issue "Safe participation"): this version publishes nothing.</remarks>
internal sealed class AppointmentRecord
{
#pragma warning disable CA1822 // Instance state arrives with the implementation.
    public Task PublishAsync(Guid memberId, CancellationToken cancellationToken = default)
#pragma warning restore CA1822
    {
        _ = memberId;
        return Task.CompletedTask;
    }
}
