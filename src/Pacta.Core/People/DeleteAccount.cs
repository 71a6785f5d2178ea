using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;

namespace Pacta.Core.People;

/// <summary>
/// Deletes a member's account and everything that names them; what they did in public stays in the record,
/// where it was only ever under their organisation.
/// </summary>
/// <remarks>
/// Run <see cref="EndMemberAppointments"/> first: it ends appointments the record carries with a
/// <c>representative.removed</c> entry; this then ends any left (none, unless appointed and never published).
/// The rule: the record is append-only and names no person, so nothing in it changes. In the database: their
/// appointments end and, with the account, their sessions, inbox, passkeys and other credentials go (cascades);
/// the invitations they accepted go (they hold their address); the invitations they sent stay, without the
/// sender. The security log keeps its lines (a party's representatives may need to know what happened) but with
/// no member id, and with their name and address blanked wherever a line's text carries them. A last line,
/// <c>account.deleted</c>, names the party only.
/// </remarks>
public sealed class DeleteAccount(PactaDbContext db, TimeProvider time)
{
    /// <summary>What a security-log line says instead of a deleted member's name or address.</summary>
    public const string Redacted = "[deleted account]";

    /// <returns>False when there is no such account.</returns>
    public async Task<bool> DeleteAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        var member = await db.Users.Include(m => m.Organization).SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null) return false;
        var now = time.GetUtcNow();
        var party = member.Organization?.PartyKey;

        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        await db.Appointments.Where(a => a.MemberId == memberId && a.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.EndedAt, now), cancellationToken);
        await db.Invitations.Where(i => i.AcceptedBy == memberId).ExecuteDeleteAsync(cancellationToken);
        await db.Invitations.Where(i => i.InvitedBy == memberId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.InvitedBy, (Guid?)null), cancellationToken);

        await db.SecurityEvents.Where(e => e.MemberId == memberId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.MemberId, (Guid?)null), cancellationToken);
        foreach (var identifying in new[] { member.Email, member.DisplayName, member.UserName }.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct())
        {
            await db.SecurityEvents.Where(e => e.Detail.Contains(identifying!))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Detail, e => e.Detail.Replace(identifying!, Redacted)), cancellationToken);
        }

        db.Users.Remove(member);
        db.SecurityEvents.Add(new SecurityEvent { At = now, Kind = SecurityEventKinds.AccountDeleted, PartyKey = party });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
