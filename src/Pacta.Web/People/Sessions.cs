using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;
using Pacta.Core.People;

namespace Pacta.Web.People;

/// <summary>Ends one of a member's own sessions: the browser holding it is signed out at its next request.</summary>
/// <remarks>Only the member's own: a session id of someone else's is answered exactly like one that does not exist.</remarks>
internal sealed class RevokeSession(PactaDbContext db, TimeProvider time)
{
    /// <returns>False when the member has no such session.</returns>
    public async Task<bool> RevokeAsync(SignedInMember member, Guid sessionId, CancellationToken cancellationToken = default)
    {
        var session = await db.MemberSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.MemberId == member.MemberId, cancellationToken);
        if (session is null) return false;
        db.MemberSessions.Remove(session);
        db.SecurityEvents.Add(new SecurityEvent
        {
            At = time.GetUtcNow(),
            Kind = SecurityEventKinds.SessionRevoked,
            MemberId = member.MemberId,
            PartyKey = member.PartyKey,
            Detail = $"{session.Device}; {session.Method}; started {session.CreatedAt:yyyy-MM-dd HH:mm}Z",
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// <summary>"Sign out everywhere": ends every session of the member, the one asking included.</summary>
internal sealed class EndAllSessions(PactaDbContext db, TimeProvider time)
{
    public async Task<int> EndAsync(SignedInMember member, CancellationToken cancellationToken = default)
    {
        var ended = await db.MemberSessions.Where(s => s.MemberId == member.MemberId).ExecuteDeleteAsync(cancellationToken);
        db.SecurityEvents.Add(new SecurityEvent
        {
            At = time.GetUtcNow(),
            Kind = SecurityEventKinds.SessionRevoked,
            MemberId = member.MemberId,
            PartyKey = member.PartyKey,
            Detail = $"all sessions ({ended})",
        });
        await db.SaveChangesAsync(cancellationToken);
        return ended;
    }
}

/// <summary>Signing out: this browser's session row goes, so its cookie is worthless even if copied.</summary>
internal sealed class SignOutSession(PactaDbContext db, TimeProvider time)
{
    public async Task SignOutAsync(SignedInMember member, CancellationToken cancellationToken = default)
    {
        await db.MemberSessions.Where(s => s.Id == member.SessionId && s.MemberId == member.MemberId).ExecuteDeleteAsync(cancellationToken);
        db.SecurityEvents.Add(new SecurityEvent
        {
            At = time.GetUtcNow(),
            Kind = SecurityEventKinds.SignOut,
            MemberId = member.MemberId,
            PartyKey = member.PartyKey,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Marks a member's inbox messages read: one, or all of them.</summary>
internal sealed class MarkInboxRead(PactaDbContext db, TimeProvider time)
{
    /// <param name="messageId">One message, or null for all.</param>
    /// <returns>How many messages matched; 0 when the message is not the member's.</returns>
    public Task<int> MarkAsync(Guid memberId, Guid? messageId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        // A message read before keeps its first read time: a second click (or a resubmitted form) is not an error.
        return messageId is { } id
            ? db.InboxMessages.Where(m => m.MemberId == memberId && m.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, m => m.ReadAt ?? now), cancellationToken)
            : db.InboxMessages.Where(m => m.MemberId == memberId && m.ReadAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now), cancellationToken);
    }
}
