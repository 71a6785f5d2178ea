using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;
using Pacta.Core.Forum;
using Pacta.Core.RecordStore;

namespace Pacta.Core.People;

/// <summary>Appoints a member representative of their organisation, or of their whole party, and publishes it in the record.</summary>
/// <remarks>
/// The member must be a participant of the party with at least one passkey: approvals are signed with a passkey,
/// and its public credential enters the record with the appointment (<c>representative.appointed</c>). The acting
/// member must represent the whole party, or (for an organisation's appointment) that organisation; only a
/// whole-party representative appoints a whole-party one. A member already holding that same appointment is
/// refused. In a single-representative party there is one whole-party representative at a time: appointing a new
/// one ends the sitting one's appointment in the same operation (<c>representative.removed</c>), which is how a
/// handover is done. Unanimity and majority parties decide through their organisations, each of which may have
/// several representatives; no limit applies there. Writes <c>role.changed</c> to the security log.
/// </remarks>
public sealed class AppointRepresentative(RecordWriter writer, TimeProvider time)
{
    public async Task<PeopleResult<Guid>> ExecuteAsync(Guid memberId, bool wholeParty, Guid actingMemberId, CancellationToken cancellationToken = default)
    {
        var written = await writer.WriteAsync((db, batch, ct) => RunAsync(db, batch, memberId, wholeParty, actingMemberId, ct), cancellationToken);
        return written.Value;
    }

    private async Task<PeopleResult<Guid>> RunAsync(PactaDbContext db, RecordBatch batch, Guid memberId, bool wholeParty, Guid actingMemberId, CancellationToken cancellationToken)
    {
        var now = PeopleRules.Truncate(time.GetUtcNow());
        var member = await db.Users.AsNoTracking().Where(m => m.Id == memberId && m.Kind == AccountKind.Participant && m.Organization != null)
            .Select(m => new { m.Id, m.OrganizationId, Organization = m.Organization!.ShortName, m.Organization.PartyKey, m.Organization.Party!.DecisionRule })
            .SingleOrDefaultAsync(cancellationToken);
        var own = await db.Appointments.AsNoTracking().Where(a => a.MemberId == actingMemberId && a.EndedAt == null).ToListAsync(cancellationToken);
        if (member is null || !PeopleRules.Covers(own, member.PartyKey, member.OrganizationId))
            return PeopleResult.Refused<Guid>("member", "MemberNotYours", "there is no member of an organisation you represent with that id");
        if (wholeParty && !PeopleRules.Covers(own, member.PartyKey, null))
            return PeopleResult.Refused<Guid>("wholeParty", "WholePartyOnlyByWholeParty", "only a representative of the whole party may appoint one");
        if (!await db.UserPasskeys.AnyAsync(p => p.UserId == memberId, cancellationToken))
            return PeopleResult.Refused<Guid>("member", "NoPasskey", "the member has no passkey yet: a representative signs approvals with one");
        Guid? scope = wholeParty ? null : member.OrganizationId;
        if (await db.Appointments.AnyAsync(a => a.MemberId == memberId && a.PartyKey == member.PartyKey && a.OrganizationId == scope && a.EndedAt == null, cancellationToken))
            return PeopleResult.Refused<Guid>("member", "AlreadyAppointed", "the member already holds that appointment");

        var actor = Actor(own, member.PartyKey, await OrganizationNameAsync(db, own, member.PartyKey, cancellationToken));
        if (wholeParty && member.DecisionRule == DecisionRule.SingleRepresentative)
        {
            var sitting = await db.Appointments.Where(a => a.PartyKey == member.PartyKey && a.OrganizationId == null && a.EndedAt == null).ToListAsync(cancellationToken);
            foreach (var appointment in sitting)
                await EndAppointment.EndAsync(db, batch, appointment, actor, actingMemberId, now, "replaced: the party has a single representative", cancellationToken);
        }

        var appointed = new Appointment
        {
            MemberId = memberId,
            PartyKey = member.PartyKey,
            OrganizationId = scope,
            Since = now,
            AppointedBy = actingMemberId,
        };
        db.Appointments.Add(appointed);
        db.SecurityEvents.Add(new SecurityEvent
        {
            At = now,
            Kind = SecurityEventKinds.RoleChanged,
            MemberId = actingMemberId,
            PartyKey = member.PartyKey,
            Detail = $"appointed a representative of {(wholeParty ? "the party" : member.Organization)} (appointment {appointed.Id:D})",
        });
        await db.SaveChangesAsync(cancellationToken);
        await PublishAppointment.PublishAsync(db, batch, appointed, actor, now, cancellationToken);
        return PeopleResult.Ok<Guid>(appointed.Id);
    }

    /// <summary>The acting representative's role: the whole party when they hold that, else their organisation.</summary>
    internal static System.Text.Json.Nodes.JsonObject Actor(IReadOnlyCollection<Appointment> own, string partyKey, string? organization) =>
        RepresentativeEvents.Actor(partyKey, own.Any(a => a.PartyKey == partyKey && a.OrganizationId is null) ? null : organization);

    internal static Task<string?> OrganizationNameAsync(PactaDbContext db, IReadOnlyCollection<Appointment> own, string partyKey, CancellationToken cancellationToken)
    {
        var organizationId = own.FirstOrDefault(a => a.PartyKey == partyKey && a.OrganizationId is not null)?.OrganizationId;
        return db.Organizations.Where(o => o.Id == organizationId).Select(o => o.ShortName).SingleOrDefaultAsync(cancellationToken);
    }
}
