using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;
using Pacta.Core.People;

namespace Pacta.Web.People;

internal enum CredentialChangeError
{
    None,
    PasskeyRefused,
    LastCredential,
    NotFound,
    WrongTotpCode,
    WrongPassword,
    PasswordRejected,
    PasswordRequired,
}

/// <summary>
/// A signed-in member's changes to their own credentials (the security page): add or remove a passkey, set up or
/// replace the authenticator app, new recovery codes, a new password. Each writes a security-log line.
/// </summary>
/// <remarks>
/// Rule: a member always keeps a way to sign in: the last passkey cannot be removed unless a password with an
/// authenticator app remains. A representative's new passkey is published in the record (AppointmentRecord), so
/// approvals signed with it can be checked.
/// </remarks>
internal sealed class CredentialChanges(
    UserManager<Member> users, SignInManager<Member> signInManager, PactaDbContext db, TimeProvider time, AppointmentRecord appointments,
    ITotpSecretProtector totpSecrets, ILogger<CredentialChanges> logger)
{
    public async Task<CredentialChangeError> AddPasskeyAsync(Member member, string? credentialJson, string? name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(credentialJson) || credentialJson.Length > 65_536) return CredentialChangeError.PasskeyRefused;
        PasskeyAttestationResult attestation;
        try
        {
            attestation = await signInManager.PerformPasskeyAttestationAsync(credentialJson);
        }
        catch (InvalidOperationException e)
        {
            logger.LogInformation(e, "Passkey registration without options");
            return CredentialChangeError.PasskeyRefused;
        }
        if (!attestation.Succeeded || attestation.UserEntity.Id != member.Id.ToString())
        {
            logger.LogInformation("Passkey registration refused: {Reason}", attestation.Succeeded ? "another user's options" : attestation.Failure.Message);
            return CredentialChangeError.PasskeyRefused;
        }
        var passkey = attestation.Passkey;
        passkey.Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim()[..Math.Min(name.Trim().Length, 60)];
        var added = await users.AddOrUpdatePasskeyAsync(member, passkey);
        if (!added.Succeeded) return CredentialChangeError.PasskeyRefused;
        await LogAsync(member, SecurityEventKinds.CredentialAdded, "passkey", cancellationToken);
        if (await db.Appointments.AnyAsync(a => a.MemberId == member.Id && a.EndedAt == null, cancellationToken))
            await appointments.PublishAsync(member.Id, cancellationToken);
        return CredentialChangeError.None;
    }

    public async Task<CredentialChangeError> RemovePasskeyAsync(Member member, string? credentialId, CancellationToken cancellationToken)
    {
        var id = credentialId is null ? null : Base64Url.Decode(credentialId);
        var passkeys = await users.GetPasskeysAsync(member);
        if (id is null || !passkeys.Any(p => p.CredentialId.AsSpan().SequenceEqual(id))) return CredentialChangeError.NotFound;
        if (passkeys.Count == 1 && !await HasPasswordAndTotpAsync(member)) return CredentialChangeError.LastCredential;
        var removed = await users.RemovePasskeyAsync(member, id);
        if (!removed.Succeeded) return CredentialChangeError.NotFound;
        await LogAsync(member, SecurityEventKinds.CredentialRemoved, "passkey", cancellationToken);
        return CredentialChangeError.None;
    }

    /// <summary>A new authenticator secret, confirmed by its current code; with a first password when the member has none.</summary>
    public async Task<(CredentialChangeError Error, IReadOnlyList<string>? RecoveryCodes)> SetTotpAsync(
        Member member, string secret, string? code, string? newPassword, CancellationToken cancellationToken)
    {
        var hasPassword = await users.HasPasswordAsync(member);
        if (!hasPassword && string.IsNullOrEmpty(newPassword)) return (CredentialChangeError.PasswordRequired, null);
        var step = TotpCodes.Verify(secret, code, time.GetUtcNow(), member.LastTotpStep);
        if (step is null) return (CredentialChangeError.WrongTotpCode, null);
        if (!hasPassword)
        {
            var added = await users.AddPasswordAsync(member, newPassword!);
            if (!added.Succeeded) return (CredentialChangeError.PasswordRejected, null);
        }
        member.LastTotpStep = step;
        await users.UpdateAsync(member);
        await users.SetAuthenticationTokenAsync(member, TotpCodes.TokenProvider, TotpCodes.SecretTokenName, totpSecrets.Protect(secret));
        IReadOnlyList<string>? codes = null;
        if (RecoveryCodes.Remaining(await users.GetAuthenticationTokenAsync(member, TotpCodes.TokenProvider, RecoveryCodes.TokenName)) == 0)
        {
            codes = RecoveryCodes.Create();
            await users.SetAuthenticationTokenAsync(member, TotpCodes.TokenProvider, RecoveryCodes.TokenName, RecoveryCodes.HashAll(codes));
        }
        await users.SetTwoFactorEnabledAsync(member, true);
        await LogAsync(member, SecurityEventKinds.CredentialAdded, "totp", cancellationToken);
        return (CredentialChangeError.None, codes);
    }

    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(Member member, CancellationToken cancellationToken)
    {
        var codes = RecoveryCodes.Create();
        await users.SetAuthenticationTokenAsync(member, TotpCodes.TokenProvider, RecoveryCodes.TokenName, RecoveryCodes.HashAll(codes));
        await LogAsync(member, SecurityEventKinds.CredentialAdded, "recovery codes replaced", cancellationToken);
        return codes;
    }

    public async Task<CredentialChangeError> ChangePasswordAsync(Member member, string? current, string? newPassword, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(newPassword)) return CredentialChangeError.PasswordRejected;
        IdentityResult result;
        if (await users.HasPasswordAsync(member))
        {
            if (string.IsNullOrEmpty(current) || !await users.CheckPasswordAsync(member, current)) return CredentialChangeError.WrongPassword;
            result = await users.ChangePasswordAsync(member, current, newPassword);
        }
        else
        {
            result = await users.AddPasswordAsync(member, newPassword);
        }
        if (!result.Succeeded) return CredentialChangeError.PasswordRejected;
        // Whoever knew the old password may hold a session opened with it: every other browser signs in again.
        var thisSession = signInManager.Context.SignedInMember()?.SessionId;
        var ended = await db.MemberSessions.Where(s => s.MemberId == member.Id && s.Id != thisSession).ExecuteDeleteAsync(cancellationToken);
        await LogAsync(member, SecurityEventKinds.CredentialAdded, $"password changed; {ended} other session(s) ended", cancellationToken);
        return CredentialChangeError.None;
    }

    public async Task<bool> HasPasswordAndTotpAsync(Member member) =>
        await users.HasPasswordAsync(member)
        && await users.GetAuthenticationTokenAsync(member, TotpCodes.TokenProvider, TotpCodes.SecretTokenName) is not null;

    private async Task LogAsync(Member member, string kind, string detail, CancellationToken cancellationToken)
    {
        var party = member.OrganizationId is { } organization
            ? await db.Organizations.Where(o => o.Id == organization).Select(o => o.PartyKey).SingleOrDefaultAsync(cancellationToken)
            : null;
        db.SecurityEvents.Add(new SecurityEvent { At = time.GetUtcNow(), Kind = kind, MemberId = member.Id, PartyKey = party, Detail = detail });
        await db.SaveChangesAsync(cancellationToken);
    }
}
