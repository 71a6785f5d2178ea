using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Pacta.Core.People;

namespace Pacta.Web.People;

/// <summary>
/// Signing in with a passkey: the assertion from <c>navigator.credentials.get</c>, checked against the options
/// this browser was given (state in Identity's short-lived two-factor cookie).
/// </summary>
/// <remarks>
/// Not <c>SignInManager.PasskeySignInAsync</c>: in .NET 10 it checks the assertion, then CanSignIn and lockout
/// (its PreSignInCheck), but a failed assertion never counts towards the lockout, a success does not reset the
/// count, and it issues Identity's plain cookie instead of a Pacta session. Here the assertion is checked with
/// <c>PerformPasskeyAssertionAsync</c> (user verification required by <c>IdentityPasskeyOptions</c>, origin and
/// relying-party ID from configuration), then the same checks as a password sign-in (<see cref="SignInCheck"/>):
/// confirmed, not locked, a failure for a known credential counted, the count reset on success.
/// </remarks>
internal sealed class PasskeySignIn(
    UserManager<Member> users, SignInManager<Member> signInManager, SignInCheck check, MemberSignIn signIn, SignInThrottle throttle,
    IHttpContextAccessor http, ILogger<PasskeySignIn> logger)
{
    public async Task<SignInOutcome> SignInAsync(string? credentialJson, CancellationToken cancellationToken)
    {
        if (!throttle.TryAcquire(SignInThrottle.Actions.SignIn, null, http.HttpContext?.Connection.RemoteIpAddress, out _))
            return SignInOutcome.Throttled;
        if (string.IsNullOrWhiteSpace(credentialJson) || credentialJson.Length > 16_384)
        {
            await check.FailedAsync(null, "passkey: no credential", cancellationToken);
            return SignInOutcome.Refused;
        }

        PasskeyAssertionResult<Member> assertion;
        try
        {
            assertion = await signInManager.PerformPasskeyAssertionAsync(credentialJson);
        }
        catch (InvalidOperationException e)
        {
            // No assertion under way in this browser (its options expired or were never asked for).
            logger.LogInformation(e, "Passkey sign-in without options");
            await check.FailedAsync(await OwnerOfAsync(credentialJson), "passkey: no sign-in under way", cancellationToken);
            return SignInOutcome.Refused;
        }

        if (!assertion.Succeeded)
        {
            logger.LogInformation("Passkey assertion refused: {Reason}", assertion.Failure.Message);
            await check.FailedAsync(await OwnerOfAsync(credentialJson), "passkey: assertion refused", cancellationToken);
            return SignInOutcome.Refused;
        }
        var member = assertion.User;
        if (!await check.MaySignInAsync(member))
        {
            await check.FailedAsync(member, "passkey: locked or unconfirmed", cancellationToken);
            return SignInOutcome.Refused;
        }
        // The new signature counter and flags: a counter that goes backwards later tells of a cloned authenticator.
        var updated = await users.AddOrUpdatePasskeyAsync(member, assertion.Passkey);
        if (!updated.Succeeded)
        {
            await check.FailedAsync(member, "passkey: could not be updated", cancellationToken);
            return SignInOutcome.Refused;
        }
        await check.SucceededAsync(member);
        await signIn.SignInAsync(member, "passkey", cancellationToken);
        return SignInOutcome.Succeeded;
    }

    /// <summary>The member whose credential a failed assertion names, so the failure counts against their account.</summary>
    private async Task<Member?> OwnerOfAsync(string credentialJson)
    {
        try
        {
            using var document = JsonDocument.Parse(credentialJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("rawId", out var rawId) || rawId.ValueKind != JsonValueKind.String)
                return null;
            var id = Base64Url.Decode(rawId.GetString()!);
            return id is null ? null : await users.FindByPasskeyIdAsync(id);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>base64url without padding (RFC 4648 §5), as WebAuthn's JSON uses it.</summary>
internal static class Base64Url
{
    public static byte[]? Decode(string value)
    {
        try
        {
            return System.Buffers.Text.Base64Url.DecodeFromChars(value);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string Encode(byte[] value) => System.Buffers.Text.Base64Url.EncodeToString(value);
}
