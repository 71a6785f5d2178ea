using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;
using Pacta.Core.RecordStore;

namespace Pacta.Core.People;

/// <summary>
/// Brings the record up to date with a member's active appointments: each one the record does not carry yet, or
/// whose passkeys changed since (one added, one removed), gets a <c>representative.appointed</c> entry with the
/// appointment's complete public state. Nothing changed, nothing appended: calling it twice appends once.
/// </summary>
/// <remarks>
/// Called after a representative registers or removes a passkey, and when an appointment starts. The event
/// carries the party, the organisation, the appointment's id and start, and each passkey's credential id, COSE
/// public key and algorithm; never a name or an email. The actor is the representative in their role.
/// </remarks>
public sealed class PublishAppointment(RecordWriter writer, TimeProvider time)
{
    /// <returns>How many appointments were published.</returns>
    public async Task<int> ExecuteAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        var written = await writer.WriteAsync(async (db, batch, ct) =>
        {
            var now = PeopleRules.Truncate(time.GetUtcNow());
            var appointments = await db.Appointments.Where(a => a.MemberId == memberId && a.EndedAt == null).ToListAsync(ct);
            var published = 0;
            foreach (var appointment in appointments)
            {
                var organization = await db.Organizations.Where(o => o.Id == appointment.OrganizationId).Select(o => o.ShortName).SingleOrDefaultAsync(ct);
                if (await PublishAsync(db, batch, appointment, RepresentativeEvents.Actor(appointment.PartyKey, organization), now, ct)) published++;
            }
            await db.SaveChangesAsync(ct);
            return published;
        }, cancellationToken);
        return written.Value;
    }

    /// <summary>Appends the appointment's state when the record lacks it or carries other credentials; true when it did.</summary>
    internal static async Task<bool> PublishAsync(PactaDbContext db, RecordBatch batch, Appointment appointment, JsonObject actor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var state = (await PublicRepresentatives.ReadAsync(db, null, appointment.MemberId, cancellationToken)).SingleOrDefault(r => r.Appointment == appointment.Id);
        if (state is null) return false;
        var rows = await db.PublishedCredentials.Where(c => c.AppointmentId == appointment.Id).ToListAsync(cancellationToken);
        var current = state.Credentials.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var recorded = rows.Select(r => PublicCredential.Base64Url(r.CredentialId)).ToHashSet(StringComparer.Ordinal);
        if (appointment.PublishedAt is not null && current.SetEquals(recorded)) return false;

        batch.Add(RepresentativeEvents.AppointedEvent(actor, state));
        appointment.PublishedAt = now;
        db.PublishedCredentials.RemoveRange(rows.Where(r => !current.Contains(PublicCredential.Base64Url(r.CredentialId))));
        var passkeys = await db.UserPasskeys.Where(p => p.UserId == appointment.MemberId).Select(p => p.CredentialId).ToListAsync(cancellationToken);
        foreach (var credential in passkeys.Where(c => !recorded.Contains(PublicCredential.Base64Url(c))))
            db.PublishedCredentials.Add(new PublishedCredential { AppointmentId = appointment.Id, CredentialId = credential, PublishedAt = now });
        return true;
    }
}
