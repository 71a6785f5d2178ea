using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Pacta.Web.People;

/// <summary>
/// <c>Pacta:Smtp</c>: where email notices go out. No host means no email: notices stay in the in-app inbox.
/// </summary>
/// <param name="StartTls"><c>none</c> (plain, for a relay on the same machine), <c>auto</c> (STARTTLS when the server offers it) or <c>required</c>.</param>
internal sealed record SmtpSettings(string? Host, int Port, string From, string? UserName, string? Password, string StartTls, TimeSpan Timeout)
{
    public bool Configured => !string.IsNullOrWhiteSpace(Host);

    public static SmtpSettings FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Pacta:Smtp");
        var startTls = (section["StartTls"] ?? "auto").Trim().ToLowerInvariant();
        if (startTls is not ("none" or "auto" or "required"))
            throw new InvalidOperationException($"Pacta:Smtp:StartTls must be none, auto or required, not '{section["StartTls"]}'.");
        return new SmtpSettings(
            section["Host"],
            section.GetValue("Port", 587),
            section["From"] is { Length: > 0 } from ? from : "pacta@localhost",
            section["UserName"],
            section["Password"],
            startTls,
            TimeSpan.FromSeconds(section.GetValue("TimeoutSeconds", 15)));
    }

    public SecureSocketOptions SocketOptions => StartTls switch
    {
        "none" => SecureSocketOptions.None,
        "required" => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}

/// <summary>Sends one plain-text email over SMTP with MailKit. Throws when the server cannot be reached or refuses.</summary>
internal sealed class MailNoticeSender(SmtpSettings settings)
{
    public bool Configured => settings.Configured;

    public async Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };

        // Bounded: a sign-in waits for this, and a mail server that hangs must not hang the sign-in.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("No SMTP host is configured."), settings.Port, settings.SocketOptions, timeout.Token);
        if (!string.IsNullOrEmpty(settings.UserName))
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", timeout.Token);
        await client.SendAsync(message, timeout.Token);
        await client.DisconnectAsync(quit: true, timeout.Token);
    }
}
