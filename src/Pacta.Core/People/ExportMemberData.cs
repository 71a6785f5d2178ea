using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;

namespace Pacta.Core.People;

/// <summary>
/// Everything Pacta holds about one member, for them to download: their account, credentials (what exists,
/// never the secrets), sessions, inbox, their lines of the security log, appointments and the invitations they
/// sent or accepted. Writes an <c>account.exported</c> line to the security log.
/// </summary>
/// <remarks>
/// Secrets are named, not copied: the password hash and the authenticator key would only help whoever steals
/// the download. Nothing about another member is included (invitations they sent name only the address invited).
/// </remarks>
public sealed class ExportMemberData(PactaDbContext db, TimeProvider time)
{
    public async Task<MemberDataExport?> ExportAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        var member = await db.Users.AsNoTracking().Include(m => m.Organization).SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null) return null;

        var passkeys = (await db.Set<IdentityUserPasskey<Guid>>().AsNoTracking().Where(p => p.UserId == memberId).ToListAsync(cancellationToken))
            .Select(p => new ExportedPasskey(Convert.ToBase64String(p.CredentialId), p.Data.Name, p.Data.CreatedAt))
            .ToList();
        var tokens = await db.Set<IdentityUserToken<Guid>>().AsNoTracking().Where(t => t.UserId == memberId).Select(t => t.Name).ToListAsync(cancellationToken);
        var sessions = await db.MemberSessions.AsNoTracking().Where(s => s.MemberId == memberId).ToListAsync(cancellationToken);
        var inbox = await db.InboxMessages.AsNoTracking().Where(m => m.MemberId == memberId).ToListAsync(cancellationToken);
        var events = await db.SecurityEvents.AsNoTracking().Where(e => e.MemberId == memberId).ToListAsync(cancellationToken);
        var appointments = await db.Appointments.AsNoTracking().Where(a => a.MemberId == memberId).ToListAsync(cancellationToken);
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.InvitedBy == memberId || i.AcceptedBy == memberId).ToListAsync(cancellationToken);

        var now = time.GetUtcNow();
        db.SecurityEvents.Add(new SecurityEvent { At = now, Kind = SecurityEventKinds.AccountExported, MemberId = memberId, PartyKey = member.Organization?.PartyKey });
        await db.SaveChangesAsync(cancellationToken);

        return new MemberDataExport(
            now,
            new ExportedAccount(member.Id, member.DisplayName, member.Email, member.UserName, member.Kind.ToString(), member.Organization?.ShortName,
                member.Organization?.PartyKey, member.Language, member.CreatedAt, member.EmailConfirmed, member.LockoutEnd, member.AccessFailedCount),
            new ExportedCredentials(
                HasPassword: member.PasswordHash is not null,
                HasAuthenticatorApp: tokens.Contains("AuthenticatorKey"),
                HasRecoveryCodes: tokens.Contains("RecoveryCodes"),
                TwoFactorEnabled: member.TwoFactorEnabled,
                Passkeys: passkeys),
            [.. sessions.OrderByDescending(s => s.CreatedAt).Select(s => new ExportedSession(s.Id, s.Device, s.Method, s.CreatedAt, s.LastSeenAt))],
            [.. inbox.OrderByDescending(m => m.At).Select(m => new ExportedInboxMessage(m.At, m.Subject, m.Body, m.ReadAt))],
            [.. events.OrderBy(e => e.At).Select(e => new ExportedSecurityEvent(e.At, e.Kind, e.PartyKey, e.Detail))],
            [.. appointments.OrderBy(a => a.Since).Select(a => new ExportedAppointment(a.PartyKey, a.OrganizationId, a.Since, a.EndedAt))],
            [.. invitations.OrderBy(i => i.CreatedAt).Select(i => new ExportedInvitation(
                i.InvitedBy == memberId ? "sent" : "accepted", i.Email, i.Kind.ToString(), i.PartyKey, i.OrganizationId, i.Representative, i.CreatedAt, i.ExpiresAt, i.AcceptedAt, i.RevokedAt))]);
    }
}

public sealed record MemberDataExport(
    DateTimeOffset ExportedAt,
    ExportedAccount Account,
    ExportedCredentials Credentials,
    IReadOnlyList<ExportedSession> Sessions,
    IReadOnlyList<ExportedInboxMessage> Inbox,
    IReadOnlyList<ExportedSecurityEvent> SecurityLog,
    IReadOnlyList<ExportedAppointment> Appointments,
    IReadOnlyList<ExportedInvitation> Invitations);

public sealed record ExportedAccount(
    Guid Id, string DisplayName, string? Email, string? UserName, string Kind, string? Organization, string? Party, string Language,
    DateTimeOffset CreatedAt, bool EmailConfirmed, DateTimeOffset? LockedOutUntil, int FailedSignInAttempts);

/// <summary>Which credentials exist; the secrets themselves (password hash, authenticator key, recovery codes) are never exported.</summary>
public sealed record ExportedCredentials(bool HasPassword, bool HasAuthenticatorApp, bool HasRecoveryCodes, bool TwoFactorEnabled, IReadOnlyList<ExportedPasskey> Passkeys);

public sealed record ExportedPasskey(string CredentialId, string? Name, DateTimeOffset CreatedAt);

public sealed record ExportedSession(Guid Id, string Device, string Method, DateTimeOffset StartedAt, DateTimeOffset LastSeenAt);

public sealed record ExportedInboxMessage(DateTimeOffset At, string Subject, string Body, DateTimeOffset? ReadAt);

public sealed record ExportedSecurityEvent(DateTimeOffset At, string Kind, string? Party, string Detail);

public sealed record ExportedAppointment(string Party, Guid? OrganizationId, DateTimeOffset Since, DateTimeOffset? EndedAt);

public sealed record ExportedInvitation(
    string Role, string Email, string Kind, string? Party, Guid? OrganizationId, bool Representative,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? AcceptedAt, DateTimeOffset? RevokedAt);
