using System.Globalization;
using Pacta.Core.Data;
using Pacta.Core.People;

namespace Pacta.Web.People;

/// <summary>
/// Tells a member that their account was just signed in to, so a sign-in they did not make does not go
/// unnoticed: by email when an SMTP server is configured and takes the message, otherwise in the in-app inbox.
/// </summary>
/// <remarks>
/// One notice, one place: an email that was sent is not copied to the inbox (the inbox is the fallback, not a
/// second channel). A mail server that is down never stops a sign-in: the notice then goes to the inbox and
/// the log says why. The notice names the device label and the time, never an address (none is kept).
/// </remarks>
internal sealed class SignInNotice(PactaDbContext db, TimeProvider time, MailNoticeSender mail, ILogger<SignInNotice> logger)
{
    public async Task SendAsync(Member member, MemberSession session, CancellationToken cancellationToken = default)
    {
        var (subject, body) = Compose(member.Language, session);
        if (!mail.Configured)
        {
            logger.LogInformation("Sign-in notice for member {MemberId} went to the in-app inbox: no SMTP server configured (Pacta:Smtp:Host)", member.Id);
        }
        else if (string.IsNullOrEmpty(member.Email))
        {
            logger.LogWarning("Sign-in notice for member {MemberId} went to the in-app inbox: the account has no email address", member.Id);
        }
        else
        {
            try
            {
                await mail.SendAsync(member.Email, subject, body, cancellationToken);
                logger.LogInformation("Sign-in notice for member {MemberId} sent by email", member.Id);
                return;
            }
#pragma warning disable CA1031 // Whatever the mail server does, the sign-in goes on and the notice reaches the inbox.
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Sign-in notice for member {MemberId} went to the in-app inbox: sending the email failed ({Reason})", member.Id, ex.Message);
            }
        }

        db.InboxMessages.Add(new InboxMessage { MemberId = member.Id, At = time.GetUtcNow(), Subject = subject, Body = body });
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static (string Subject, string Body) Compose(string language, MemberSession session)
    {
        var when = session.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        return language == "en"
            ? ("New sign-in to Pacta",
               $"Your Pacta account was signed in to on {when} from {session.Device} ({session.Method}).\n\n" +
               "If this was you, there is nothing to do.\n\n" +
               "If it was not you: sign in, open \"Sessions\" in your account and end that session (or all of them), " +
               "then tell your party's representative. Someone may have your passkey or your authenticator codes.")
            : ("Nuevo inicio de sesión en Pacta",
               $"Se inició sesión en su cuenta de Pacta el {when} desde {session.Device} ({session.Method}).\n\n" +
               "Si fue usted, no tiene que hacer nada.\n\n" +
               "Si no fue usted: inicie sesión, abra «Sesiones» en su cuenta y cierre esa sesión (o todas), " +
               "y avise a la representación de su parte. Alguien podría tener su llave de acceso o sus códigos de verificación.");
    }
}
