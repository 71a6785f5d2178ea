using System.Net;

namespace Pacta.Web.People;

/// <summary>
/// Limits attempts at signing in, accepting invitations and using recovery codes, per account and per client
/// address, in memory only (addresses are never stored). Handlers call <see cref="TryAcquire"/> before they check
/// a credential; when it answers false they refuse with 429 and a message that says when to try again.
/// </summary>
/// <remarks>Being built (issue "Safe participation"): this version allows everything.</remarks>
internal sealed class SignInThrottle
{
    /// <summary>The actions limited, each with its own windows.</summary>
    public static class Actions
    {
        public const string SignIn = "sign-in";
        public const string Invitation = "invitation";
        public const string Recovery = "recovery";
    }

    /// <param name="action">One of <see cref="Actions"/>.</param>
    /// <param name="account">The normalized email or member id tried, when the form names one.</param>
    /// <param name="address">The client address (from <c>HttpContext.Connection.RemoteIpAddress</c>).</param>
    /// <param name="retryAfter">When refused, how long until the next attempt is allowed.</param>
#pragma warning disable CA1822 // Instance state arrives with the implementation.
    public bool TryAcquire(string action, string? account, IPAddress? address, out TimeSpan retryAfter)
#pragma warning restore CA1822
    {
        _ = (action, account, address);
        retryAfter = TimeSpan.Zero;
        return true;
    }
}
