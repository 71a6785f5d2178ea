using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;

namespace Pacta.Core.People;

/// <summary>What the new member signs in with: a passkey, or the fallback of a password and an authenticator app together.</summary>
public abstract record InvitationCredential;

/// <param name="Passkey">The attested passkey (SignInManager.PerformPasskeyAttestationAsync).</param>
/// <param name="MemberId">The user handle the passkey was created for: the new member's id must be that one.</param>
public sealed record PasskeyCredential(UserPasskeyInfo Passkey, Guid MemberId) : InvitationCredential;

public sealed record PasswordAndTotpCredential(string Password, string TotpSecret, string? TotpCode) : InvitationCredential;

public enum AcceptInvitationError
{
    None,
    Unknown,
    AlreadyUsed,
    Revoked,
    Expired,
    DisplayNameMissing,
    DisplayNameTooLong,
    PasskeyRequired,
    WrongTotpCode,
    PasswordRejected,
    EmailTaken,
}

public sealed record AcceptInvitationResult(
    AcceptInvitationError Error,
    Member? Member = null,
    bool Appointed = false,
    IReadOnlyList<string>? RecoveryCodes = null,
    IReadOnlyList<IdentityError>? IdentityErrors = null)
{
    public bool Succeeded => Error == AcceptInvitationError.None;
}

/// <summary>
/// Turns an open invitation into an account with a credential: the member, their passkey or their password,
/// authenticator secret and recovery codes, the invitation marked accepted, the appointment when the invitation
/// names a representative, and the security-log lines, in one transaction.
/// </summary>
/// <remarks>
/// Rule: an invitation is found by the SHA-256 of its token and accepted once, before it expires and unless it
/// was revoked; the email is taken as confirmed, since the link was sent to it. A representative must use a
/// passkey (their approvals will be signed with it). Any refusal leaves the database as it was.
/// </remarks>
public sealed class AcceptInvitation(PactaDbContext db, UserManager<Member> users, TimeProvider time, ITotpSecretProtector totpSecrets)
{
    /// <summary>The invitation a token opens, with the reason it cannot be accepted (or <see cref="AcceptInvitationError.None"/>).</summary>
    public async Task<(Invitation? Invitation, AcceptInvitationError Error)> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return (null, AcceptInvitationError.Unknown);
        var hash = InvitationToken.Hash(token);
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        var now = time.GetUtcNow();
        var error = invitation switch
        {
            null => AcceptInvitationError.Unknown,
            { AcceptedAt: not null } => AcceptInvitationError.AlreadyUsed,
            { RevokedAt: not null } => AcceptInvitationError.Revoked,
            _ when now >= invitation.ExpiresAt => AcceptInvitationError.Expired,
            _ => AcceptInvitationError.None,
        };
        return (invitation, error);
    }

    public async Task<AcceptInvitationResult> AcceptAsync(
        string token, string? displayName, string language, InvitationCredential credential, CancellationToken cancellationToken = default)
    {
        var (invitation, error) = await FindAsync(token, cancellationToken);
        if (error != AcceptInvitationError.None) return new(error);
        var name = displayName?.Trim() ?? "";
        if (name.Length == 0) return new(AcceptInvitationError.DisplayNameMissing);
        if (name.Length > Member.DisplayNameMaxLength) return new(AcceptInvitationError.DisplayNameTooLong);
        if (invitation!.Representative && credential is not PasskeyCredential) return new(AcceptInvitationError.PasskeyRequired);

        var now = time.GetUtcNow();
        long? totpStep = null;
        if (credential is PasswordAndTotpCredential totp)
        {
            totpStep = TotpCodes.Verify(totp.TotpSecret, totp.TotpCode, now, lastStep: null);
            if (totpStep is null) return new(AcceptInvitationError.WrongTotpCode);
        }

        var member = new Member
        {
            DisplayName = name,
            Email = invitation.Email,
            EmailConfirmed = true,
            Kind = invitation.Kind,
            OrganizationId = invitation.OrganizationId,
            CreatedAt = now,
            Language = language == "en" ? "en" : "es",
            LastTotpStep = totpStep,
        };
        if (credential is PasskeyCredential passkey) member.Id = passkey.MemberId;
        // Not the email: the user name shows up in Identity's tokens and logs, and an email can change.
        member.UserName = "m" + member.Id.ToString("N");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await StoreAsync(invitation, member, credential, now, cancellationToken);
            if (result.Succeeded) await transaction.CommitAsync(cancellationToken);
            else Forget();
            return result;
        }
        catch
        {
            Forget();
            throw;
        }
    }

    private async Task<AcceptInvitationResult> StoreAsync(
        Invitation invitation, Member member, InvitationCredential credential, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Claimed first and conditionally: of two acceptances racing on one link, only one finds it still open.
        var claimed = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedBy, member.Id), cancellationToken);
        if (claimed != 1) return new(AcceptInvitationError.AlreadyUsed);

        if (await users.FindByEmailAsync(invitation.Email) is not null) return new(AcceptInvitationError.EmailTaken);

        IReadOnlyList<string>? recoveryCodes = null;
        string credentialDetail;
        if (credential is PasswordAndTotpCredential totp)
        {
            var created = await users.CreateAsync(member, totp.Password);
            if (!created.Succeeded) return Rejected(created);
            recoveryCodes = RecoveryCodes.Create();
            var stored = await users.SetAuthenticationTokenAsync(member, TotpCodes.TokenProvider, TotpCodes.SecretTokenName, totpSecrets.Protect(totp.TotpSecret));
            if (stored.Succeeded) stored = await users.SetAuthenticationTokenAsync(member, TotpCodes.TokenProvider, RecoveryCodes.TokenName, RecoveryCodes.HashAll(recoveryCodes));
            if (stored.Succeeded) stored = await users.SetTwoFactorEnabledAsync(member, true);
            if (!stored.Succeeded) return Rejected(stored);
            credentialDetail = "password+totp";
        }
        else
        {
            var passkey = (PasskeyCredential)credential;
            var created = await users.CreateAsync(member);
            if (!created.Succeeded) return Rejected(created);
            var added = await users.AddOrUpdatePasskeyAsync(member, passkey.Passkey);
            if (!added.Succeeded) return Rejected(added);
            credentialDetail = "passkey";
        }

        var partyKey = invitation.PartyKey;
        if (invitation.Representative)
        {
            db.Appointments.Add(new Appointment
            {
                MemberId = member.Id,
                PartyKey = partyKey ?? throw new InvalidOperationException($"Invitation {invitation.Id} names a representative but no party."),
                // A whole-party representative still belongs to an organisation, but acts for the party.
                OrganizationId = invitation.RepresentsWholeParty ? null : invitation.OrganizationId,
                Since = now,
                AppointedBy = invitation.InvitedBy,
            });
        }
        db.SecurityEvents.Add(new SecurityEvent
        {
            At = now,
            Kind = SecurityEventKinds.InvitationAccepted,
            MemberId = member.Id,
            PartyKey = partyKey,
            Detail = $"invitation {invitation.Id}" + (invitation.Representative ? "; appointed representative" : ""),
        });
        db.SecurityEvents.Add(new SecurityEvent
        {
            At = now,
            Kind = SecurityEventKinds.CredentialAdded,
            MemberId = member.Id,
            PartyKey = partyKey,
            Detail = credentialDetail,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new(AcceptInvitationError.None, member, invitation.Representative, recoveryCodes);
    }

    private static AcceptInvitationResult Rejected(IdentityResult result) =>
        new(result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName") ? AcceptInvitationError.EmailTaken : AcceptInvitationError.PasswordRejected,
            IdentityErrors: result.Errors.ToList());

    /// <summary>After a rollback the tracked rows must not be saved by whatever writes next in this request.</summary>
    private void Forget() => db.ChangeTracker.Clear();
}
