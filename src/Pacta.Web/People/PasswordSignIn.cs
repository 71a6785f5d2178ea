using Microsoft.AspNetCore.Identity;
using Pacta.Core.People;

namespace Pacta.Web.People;

/// <summary>
/// Signing in without a passkey: email, password and a code from the authenticator app (or one recovery code)
/// together. A password alone never signs in.
/// </summary>
/// <remarks>
/// Rule: the TOTP code must be the current 30-second step's and newer than the last step this member used
/// (<see cref="TotpCodes.Verify"/>); Identity's authenticator provider (±90 s, reusable) is not used. Every
/// failure (unknown email included, so that the answer and the work done do not tell whether an address has
/// an account) is one refusal, counted towards the lockout when the account exists.
/// </remarks>
internal sealed class PasswordSignIn(
    UserManager<Member> users, IPasswordHasher<Member> hasher, SignInCheck check, MemberSignIn signIn, SignInThrottle throttle,
    TimeProvider time, IHttpContextAccessor http, ITotpSecretProtector totpSecrets)
{
    // A hash to verify against when the email has no account, so that answer takes as long as a wrong password.
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<Member>().HashPassword(null!, "pacta-decoy-password"));

    public async Task<SignInOutcome> SignInAsync(string? email, string? password, string? totpCode, string? recoveryCode, CancellationToken cancellationToken)
    {
        var usesRecovery = !string.IsNullOrWhiteSpace(recoveryCode);
        var account = users.NormalizeEmail(email?.Trim());
        var address = http.HttpContext?.Connection.RemoteIpAddress;
        if (!throttle.TryAcquire(usesRecovery ? SignInThrottle.Actions.Recovery : SignInThrottle.Actions.SignIn, account, address, out _))
            return SignInOutcome.Throttled;
        // No account has a longer password (PasswordRules.MaxLength): refused before any hashing.
        if (password?.Length > PasswordRules.MaxLength) return SignInOutcome.Refused;

        var member = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (member is null)
        {
            hasher.VerifyHashedPassword(null!, DecoyHash.Value, password ?? "");
            await check.FailedAsync(null, "unknown account", cancellationToken);
            return SignInOutcome.Refused;
        }
        if (!await check.MaySignInAsync(member))
        {
            await check.FailedAsync(member, "locked or unconfirmed", cancellationToken);
            return SignInOutcome.Refused;
        }
        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(member, password))
        {
            await check.FailedAsync(member, "wrong password", cancellationToken);
            return SignInOutcome.Refused;
        }

        string method;
        if (usesRecovery)
        {
            var stored = await users.GetAuthenticationTokenAsync(member, TotpCodes.TokenProvider, RecoveryCodes.TokenName);
            var remaining = RecoveryCodes.Redeem(stored, recoveryCode);
            if (remaining is null)
            {
                await check.FailedAsync(member, "wrong recovery code", cancellationToken);
                return SignInOutcome.Refused;
            }
            var saved = await users.SetAuthenticationTokenAsync(member, TotpCodes.TokenProvider, RecoveryCodes.TokenName, remaining);
            if (!saved.Succeeded) return SignInOutcome.Refused;
            method = "recovery-code";
        }
        else
        {
            var stored = await users.GetAuthenticationTokenAsync(member, TotpCodes.TokenProvider, TotpCodes.SecretTokenName);
            var secret = stored is null ? null : totpSecrets.Unprotect(stored);
            var step = secret is null ? null : TotpCodes.Verify(secret, totpCode, time.GetUtcNow(), member.LastTotpStep);
            if (step is null)
            {
                await check.FailedAsync(member, "wrong or reused authenticator code", cancellationToken);
                return SignInOutcome.Refused;
            }
            member.LastTotpStep = step;
            // The concurrency stamp makes this fail for the second of two requests racing with one code.
            var updated = await users.UpdateAsync(member);
            if (!updated.Succeeded)
            {
                await check.FailedAsync(member, "authenticator code used twice at once", cancellationToken);
                return SignInOutcome.Refused;
            }
            method = "totp";
        }

        await check.SucceededAsync(member);
        await signIn.SignInAsync(member, method, cancellationToken);
        return SignInOutcome.Succeeded;
    }
}
