using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;

namespace Pacta.Core.People;

/// <summary>Revokes an open invitation, so its link no longer opens an account.</summary>
/// <remarks>
/// Only a representative covering the invitation's organisation (a whole-party representative covers all of the
/// party's) may revoke it; an invitation already accepted, revoked or expired is refused. Writes
/// <c>invitation.revoked</c> to the security log.
/// </remarks>
public sealed class RevokeInvitation(PactaDbContext db, TimeProvider time)
{
    public async Task<PeopleResult<Guid>> ExecuteAsync(Guid invitationId, Guid actingMemberId, CancellationToken cancellationToken = default)
    {
        var now = PeopleRules.Truncate(time.GetUtcNow());
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        var own = await db.Appointments.AsNoTracking().Where(a => a.MemberId == actingMemberId && a.EndedAt == null).ToListAsync(cancellationToken);
        if (invitation?.PartyKey is null || !PeopleRules.Covers(own, invitation.PartyKey, invitation.OrganizationId))
            return PeopleResult.Refused<Guid>("invitation", "InvitationNotYours", "there is no invitation you may revoke with that id");
        if (!invitation.IsOpenAt(now))
            return PeopleResult.Refused<Guid>("invitation", "InvitationNotOpen", "the invitation is no longer open (accepted, revoked or expired)");

        invitation.RevokedAt = now;
        var organization = await db.Organizations.Where(o => o.Id == invitation.OrganizationId).Select(o => o.ShortName).SingleOrDefaultAsync(cancellationToken);
        db.SecurityEvents.Add(new SecurityEvent
        {
            At = now,
            Kind = SecurityEventKinds.InvitationRevoked,
            MemberId = actingMemberId,
            PartyKey = invitation.PartyKey,
            Detail = IssueInvitation.Describe(invitation, organization),
        });
        await db.SaveChangesAsync(cancellationToken);
        return PeopleResult.Ok<Guid>(invitation.Id);
    }
}
