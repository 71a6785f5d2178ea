using Pacta.Core.Data;
using Pacta.Core.People;

namespace Pacta.Web.People;

/// <summary>
/// Tells a member that their account was just signed in to, so a sign-in they did not make does not go
/// unnoticed. Goes to the member's in-app inbox (email delivery: see docs/security.md).
/// </summary>
internal sealed class SignInNotice(PactaDbContext db, TimeProvider time, ILogger<SignInNotice> logger)
{
    public async Task SendAsync(Member member, MemberSession session, CancellationToken cancellationToken = default)
    {
        var spanish = member.Language == "es";
        db.InboxMessages.Add(new InboxMessage
        {
            MemberId = member.Id,
            At = time.GetUtcNow(),
            Subject = spanish ? "Nuevo inicio de sesión en Pacta" : "New sign-in to Pacta",
            Body = spanish
                ? $"Se inició sesión en su cuenta desde {session.Device} ({session.Method}). Si no fue usted, cierre esa sesión en «Sesiones» y avise a su parte."
                : $"Your account was signed in to from {session.Device} ({session.Method}). If this was not you, end that session under \"Sessions\" and tell your party.",
        });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Sign-in notice for member {MemberId} went to the in-app inbox (no SMTP server configured)", member.Id);
    }
}
