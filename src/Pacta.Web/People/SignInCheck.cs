using Microsoft.AspNetCore.Identity;
using Pacta.Core.Data;
using Pacta.Core.People;

namespace Pacta.Web.People;

/// <summary>How a sign-in attempt ended, as far as the page may tell: success, or one refusal for every reason.</summary>
internal enum SignInOutcome
{
    Succeeded,

    /// <summary>Wrong email, password, code or passkey, an unconfirmed or locked account: never said apart.</summary>
    Refused,

    /// <summary>Too many attempts from this client or for this account (SignInThrottle): 429.</summary>
    Throttled,
}

/// <summary>
/// The checks every way of signing in shares, whatever the credential: the account may sign in (confirmed email),
/// is not locked, and each failure counts towards the lockout (5 failures: 15 minutes). Identity's own sign-in
/// methods apply some of these to some credentials only; Pacta's sign-ins all go through here.
/// </summary>
internal sealed class SignInCheck(UserManager<Member> users, SignInManager<Member> signInManager, PactaDbContext db, TimeProvider time)
{
    /// <summary>Whether <paramref name="member"/> may sign in at all right now (confirmed, not locked).</summary>
    public async Task<bool> MaySignInAsync(Member member) =>
        await signInManager.CanSignInAsync(member) && !await users.IsLockedOutAsync(member);

    /// <summary>Counts a failure against a known account and logs it, with a lockout line when this one locked it.</summary>
    public async Task FailedAsync(Member? member, string detail, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var lockedNow = false;
        if (member is not null && !await users.IsLockedOutAsync(member))
        {
            await users.AccessFailedAsync(member);
            lockedNow = await users.IsLockedOutAsync(member);
        }
        var party = await PartyOfAsync(member, cancellationToken);
        db.SecurityEvents.Add(new SecurityEvent { At = now, Kind = SecurityEventKinds.SignInFailed, MemberId = member?.Id, PartyKey = party, Detail = detail });
        if (lockedNow)
            db.SecurityEvents.Add(new SecurityEvent { At = now, Kind = SecurityEventKinds.LockedOut, MemberId = member!.Id, PartyKey = party, Detail = detail });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SucceededAsync(Member member) => await users.ResetAccessFailedCountAsync(member);

    private async Task<string?> PartyOfAsync(Member? member, CancellationToken cancellationToken) =>
        member?.OrganizationId is { } organization
            ? (await db.Organizations.FindAsync([organization], cancellationToken))?.PartyKey
            : null;
}
