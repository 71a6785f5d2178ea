namespace Pacta.Web.People;

/// <summary>
/// <c>Pacta:Accounts</c>: how people sign in. The relying-party ID and the origins passkeys are bound to come
/// from here, never from the Host header: a request with a forged Host must not be able to ask a browser for
/// a passkey of another site.
/// </summary>
internal sealed record AccountSettings(
    string RelyingPartyId,
    IReadOnlyList<string> Origins,
    TimeSpan SessionIdleTimeout,
    TimeSpan SessionAbsoluteTimeout)
{
    public static AccountSettings FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Pacta:Accounts");
        var relyingPartyId = section["RelyingPartyId"] is { Length: > 0 } id ? id : "localhost";
        var origins = section.GetSection("Origins").Get<string[]>() is { Length: > 0 } o ? o : ["http://localhost:5080", "https://localhost:5080"];
        return new AccountSettings(
            relyingPartyId,
            origins,
            TimeSpan.FromMinutes(section.GetValue("SessionIdleMinutes", 30)),
            TimeSpan.FromHours(section.GetValue("SessionAbsoluteHours", 12)));
    }
}
