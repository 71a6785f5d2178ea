using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Pacta.Core.Data;
using Pacta.Core.People;

namespace Pacta.Web.People;

/// <summary>
/// The one way a member becomes signed in, whatever proved who they are (passkey, password and TOTP, recovery
/// code): a <see cref="MemberSession"/> row, the cookie naming it, a security-log line and a notice.
/// </summary>
internal sealed class MemberSignIn(SignInManager<Member> signInManager, PactaDbContext db, TimeProvider time, SignInNotice notice)
{
    public async Task<MemberSession> SignInAsync(Member member, string method, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var http = signInManager.Context;
        var session = new MemberSession
        {
            MemberId = member.Id,
            CreatedAt = now,
            LastSeenAt = now,
            Device = DeviceLabel.From(http.Request.Headers.UserAgent),
            Method = method,
        };
        db.MemberSessions.Add(session);
        db.SecurityEvents.Add(new SecurityEvent
        {
            At = now,
            Kind = SecurityEventKinds.SignIn,
            MemberId = member.Id,
            PartyKey = await PartyOfAsync(member, cancellationToken),
            Detail = $"{method}; {session.Device}",
        });
        await db.SaveChangesAsync(cancellationToken);

        // Never persistent: the session ends with the browser or the idle/absolute limits, whichever comes first.
        await signInManager.SignInWithClaimsAsync(member, isPersistent: false, [new Claim(PactaClaims.Session, session.Id.ToString())]);
        await notice.SendAsync(member, session, cancellationToken);
        return session;
    }

    private async Task<string?> PartyOfAsync(Member member, CancellationToken cancellationToken) =>
        member.OrganizationId is { } organization
            ? (await db.Organizations.FindAsync([organization], cancellationToken))?.PartyKey
            : null;
}
