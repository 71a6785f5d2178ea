using System.Net;

namespace Pacta.Core.Progress;

/// <summary>
/// Which addresses Pacta may connect to when it fetches a link of evidence: the public internet only, unless the operator
/// allows more (docs/security.md, "Fetching links").
/// </summary>
/// <remarks>
/// A member types the link, so without this any member could make the server request its own loopback services, the
/// operator's private network or a cloud's metadata service (169.254.169.254) and learn from the answer (SSRF). Checked on
/// the address actually connected to, after resolution (<see cref="LinkFetcher"/>), never on the link's text. An IPv6
/// address that carries an IPv4 one (IPv4-mapped, NAT64 <c>64:ff9b::/96</c>, 6to4 <c>2002::/16</c>) is judged by that
/// IPv4 address, since the packets end up there.
/// </remarks>
public static class LinkAddresses
{
    // RFC 6890 and the IANA special-purpose registries: what is not globally reachable, or must never be a destination.
    private static readonly IPNetwork[] NotPublic = [.. ((string[])[
        "0.0.0.0/8",          // "this network", unspecified
        "10.0.0.0/8",         // private (RFC 1918)
        "100.64.0.0/10",      // shared address space (carrier-grade NAT)
        "127.0.0.0/8",        // loopback
        "169.254.0.0/16",     // link-local, cloud metadata services
        "172.16.0.0/12",      // private (RFC 1918)
        "192.0.0.0/24",       // IETF protocol assignments
        "192.0.2.0/24",       // documentation
        "192.88.99.0/24",     // 6to4 relay anycast (deprecated)
        "192.168.0.0/16",     // private (RFC 1918)
        "198.18.0.0/15",      // benchmarking
        "198.51.100.0/24",    // documentation
        "203.0.113.0/24",     // documentation
        "224.0.0.0/4",        // multicast
        "240.0.0.0/4",        // reserved, and 255.255.255.255 broadcast
        "::/96",              // unspecified, loopback, IPv4-compatible (deprecated)
        "64:ff9b:1::/48",     // local-use NAT64
        "100::/64",           // discard-only
        "2001::/32",          // Teredo: the IPv4 end is hidden in the address
        "2001:2::/48",        // benchmarking
        "2001:db8::/32",      // documentation
        "3fff::/20",          // documentation
        "fc00::/7",           // unique local
        "fe80::/10",          // link-local
        "fec0::/10",          // site-local (deprecated)
        "ff00::/8",           // multicast
    ]).Select(IPNetwork.Parse)];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    /// <summary>Whether <paramref name="address"/> is on the public internet: not loopback, private, link-local, multicast, unspecified, reserved or documentation.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6) return IsPublic(address.MapToIPv4());
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            if (Nat64.Contains(address)) return IsPublic(new IPAddress(bytes.AsSpan(12, 4)));
            if (SixToFour.Contains(address)) return IsPublic(new IPAddress(bytes.AsSpan(2, 4)));
        }
        foreach (var network in NotPublic)
            if (network.Contains(address)) return false;
        return true;
    }

    /// <summary>Whether Pacta may connect to <paramref name="address"/>: public, or allowed by the operator.</summary>
    public static bool IsAllowed(IPAddress address, bool allowPrivate, IReadOnlyList<IPNetwork> allowedNetworks)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(allowedNetworks);
        if (allowPrivate || IsPublic(address)) return true;
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        foreach (var network in allowedNetworks)
            if (network.Contains(plain)) return true;
        return false;
    }
}
