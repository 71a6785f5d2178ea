using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;
using Pacta.Core.RecordStore;

namespace Pacta.Core.People;

/// <summary>Ends a representative's appointment (the row stays, with its end) and says so in the record.</summary>
/// <remarks>
/// The acting member must represent the whole party, or the appointment's organisation (a representative may end
/// their own appointment). The last active appointment of a party cannot be ended from within it: nobody would be
/// left to appoint a successor (appoint one first; only the operator's <c>pacta invite</c> could help otherwise).
/// An appointment the record published gets <c>representative.removed</c>. Writes <c>role.changed</c> to the
/// security log.
/// </remarks>
public sealed class EndAppointment(RecordWriter writer, TimeProvider time)
{
    public async Task<PeopleResult<Guid>> ExecuteAsync(Guid appointmentId, Guid actingMemberId, CancellationToken cancellationToken = default)
    {
        var written = await writer.WriteAsync((db, batch, ct) => RunAsync(db, batch, appointmentId, actingMemberId, ct), cancellationToken);
        return written.Value;
    }

    private async Task<PeopleResult<Guid>> RunAsync(PactaDbContext db, RecordBatch batch, Guid appointmentId, Guid actingMemberId, CancellationToken cancellationToken)
    {
        var now = PeopleRules.Truncate(time.GetUtcNow());
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId && a.EndedAt == null, cancellationToken);
        var own = await db.Appointments.AsNoTracking().Where(a => a.MemberId == actingMemberId && a.EndedAt == null).ToListAsync(cancellationToken);
        if (appointment is null || !PeopleRules.Covers(own, appointment.PartyKey, appointment.OrganizationId))
            return PeopleResult.Refused<Guid>("appointment", "AppointmentNotYours", "there is no current appointment you may end with that id");
        if (!await db.Appointments.AnyAsync(a => a.PartyKey == appointment.PartyKey && a.EndedAt == null && a.Id != appointment.Id, cancellationToken))
            return PeopleResult.Refused<Guid>("appointment", "LastRepresentative", "this is the party's last representative: appoint a successor first");

        var actor = AppointRepresentative.Actor(own, appointment.PartyKey, await AppointRepresentative.OrganizationNameAsync(db, own, appointment.PartyKey, cancellationToken));
        await EndAsync(db, batch, appointment, actor, actingMemberId, now, "ended", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return PeopleResult.Ok<Guid>(appointment.Id);
    }

    /// <summary>Ends a tracked appointment: its end, the security-log line and, when the record has it, <c>representative.removed</c>.</summary>
    internal static async Task EndAsync(PactaDbContext db, RecordBatch batch, Appointment appointment, JsonObject actor, Guid? actingMemberId,
        DateTimeOffset now, string why, CancellationToken cancellationToken)
    {
        appointment.EndedAt = now;
        var organization = await db.Organizations.Where(o => o.Id == appointment.OrganizationId).Select(o => o.ShortName).SingleOrDefaultAsync(cancellationToken);
        db.SecurityEvents.Add(new SecurityEvent
        {
            At = now,
            Kind = SecurityEventKinds.RoleChanged,
            MemberId = actingMemberId,
            PartyKey = appointment.PartyKey,
            Detail = $"{why}: representative of {organization ?? "the party"} (appointment {appointment.Id:D})",
        });
        if (appointment.PublishedAt is not null)
            batch.Add(RepresentativeEvents.RemovedEvent(actor, appointment.Id, appointment.PartyKey, organization, appointment.Since.ToUniversalTime(), now));
    }
}
