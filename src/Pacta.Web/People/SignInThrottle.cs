using System.Collections.Concurrent;
using System.Net;

namespace Pacta.Web.People;

/// <summary>
/// Limits attempts at signing in, accepting invitations and using recovery codes, per account and per client
/// address, in memory only (addresses are never stored). Handlers call <see cref="TryAcquire"/> before they check
/// a credential; when it answers false they refuse with 429 and a message that says when to try again.
/// </summary>
/// <remarks>
/// Fixed windows per (action, account) and (action, address): simple to reason about and to explain to a
/// member ("try again in 12 minutes"). An attempt counts against both keys only when both allow it, so a
/// flood against one account from many addresses does not use up the addresses' own allowance elsewhere. The
/// number of tracked keys is capped: when full, windows that have ended are dropped first, and if every window
/// is still live the oldest ones go (an attacker filling the table can at worst reset someone's count early,
/// never lock anyone out). Limits: docs/security.md, "Sessions, notices and rate limits".
/// </remarks>
internal sealed class SignInThrottle(TimeProvider time)
{
    /// <summary>The most (action, key) windows kept at once; about 100 bytes each.</summary>
    public const int MaxTrackedKeys = 100_000;

    /// <summary>The actions limited, each with its own windows.</summary>
    public static class Actions
    {
        public const string SignIn = "sign-in";
        public const string Invitation = "invitation";
        public const string Recovery = "recovery";
    }

    /// <summary>How many attempts one key may make in one window; null where the action is not limited by that key.</summary>
    internal sealed record Limit(int PerAccount, int PerAddress, TimeSpan Window);

    internal static readonly IReadOnlyDictionary<string, Limit> Limits = new Dictionary<string, Limit>(StringComparer.Ordinal)
    {
        [Actions.SignIn] = new(PerAccount: 10, PerAddress: 30, TimeSpan.FromMinutes(15)),
        [Actions.Invitation] = new(PerAccount: 10, PerAddress: 10, TimeSpan.FromHours(1)),
        [Actions.Recovery] = new(PerAccount: 5, PerAddress: 10, TimeSpan.FromHours(1)),
    };

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public int TrackedKeys => _windows.Count;

    /// <param name="action">One of <see cref="Actions"/>.</param>
    /// <param name="account">The normalized email or member id tried, when the form names one.</param>
    /// <param name="address">The client address (from <c>HttpContext.Connection.RemoteIpAddress</c>).</param>
    /// <param name="retryAfter">When refused, how long until the next attempt is allowed.</param>
    public bool TryAcquire(string action, string? account, IPAddress? address, out TimeSpan retryAfter)
    {
        if (!Limits.TryGetValue(action, out var limit))
            throw new ArgumentException($"Unknown throttled action '{action}'.", nameof(action));
        var now = time.GetUtcNow();
        var accountKey = string.IsNullOrWhiteSpace(account) ? null : $"{action}|a|{account.Trim().ToUpperInvariant()}";
        // IPv6 clients usually hold a whole /64: limiting one address of it would limit nothing.
        var addressKey = address is null ? null : $"{action}|ip|{Prefix(address)}";

        lock (_gate)
        {
            var accountWindow = accountKey is null ? null : Current(accountKey, limit.Window, now);
            var addressWindow = addressKey is null ? null : Current(addressKey, limit.Window, now);
            retryAfter = TimeSpan.Zero;
            if (accountWindow is not null && accountWindow.Count >= limit.PerAccount)
                retryAfter = accountWindow.End - now;
            if (addressWindow is not null && addressWindow.Count >= limit.PerAddress && addressWindow.End - now > retryAfter)
                retryAfter = addressWindow.End - now;
            if (retryAfter > TimeSpan.Zero) return false;
            if (accountWindow is not null) accountWindow.Count++;
            if (addressWindow is not null) addressWindow.Count++;
            return true;
        }
    }

    private Window Current(string key, TimeSpan length, DateTimeOffset now)
    {
        if (_windows.TryGetValue(key, out var window) && window.End > now) return window;
        if (window is null && _windows.Count >= MaxTrackedKeys) Evict(now);
        window = new Window(now + length);
        _windows[key] = window;
        return window;
    }

    private void Evict(DateTimeOffset now)
    {
        foreach (var (key, window) in _windows)
            if (window.End <= now) _windows.TryRemove(key, out _);
        // Still full of live windows: drop the tenth that ends soonest, so eviction is not needed again at once.
        if (_windows.Count >= MaxTrackedKeys)
            foreach (var (key, _) in _windows.OrderBy(w => w.Value.End).Take(MaxTrackedKeys / 10).ToList())
                _windows.TryRemove(key, out _);
    }

    private static string Prefix(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private sealed class Window(DateTimeOffset end)
    {
        public DateTimeOffset End { get; } = end;
        public int Count { get; set; }
    }
}
