using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;
using Pacta.Core.RecordStore;

namespace Pacta.Core.People;

/// <summary>Ends every active appointment of a member who is leaving (deleting their account), saying so in the record.</summary>
/// <remarks>
/// Run before the member's rows are deleted: appointments cascade with the account, and one the record carries must
/// be ended by a <c>representative.removed</c> entry or <c>pacta verify --url</c> finds it missing from the portal.
/// The actor is the member in their role. Unlike <see cref="EndAppointment"/>, it ends a party's last appointment too:
/// nobody may be kept in an account to keep a party represented.
/// </remarks>
public sealed class EndMemberAppointments(RecordWriter writer, TimeProvider time)
{
    /// <returns>How many appointments were ended.</returns>
    public async Task<int> ExecuteAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        var written = await writer.WriteAsync(async (db, batch, ct) =>
        {
            var now = PeopleRules.Truncate(time.GetUtcNow());
            var appointments = await db.Appointments.Where(a => a.MemberId == memberId && a.EndedAt == null).ToListAsync(ct);
            foreach (var appointment in appointments)
            {
                var organization = await db.Organizations.Where(o => o.Id == appointment.OrganizationId).Select(o => o.ShortName).SingleOrDefaultAsync(ct);
                await EndAppointment.EndAsync(db, batch, appointment, RepresentativeEvents.Actor(appointment.PartyKey, organization), memberId, now, "ended: the member left", ct);
            }
            await db.SaveChangesAsync(ct);
            return appointments.Count;
        }, cancellationToken);
        return written.Value;
    }
}
