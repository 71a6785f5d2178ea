using System.Net;
using Pacta.Core.Progress;

namespace Pacta.Core.Tests.Progress;

public class LinkAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1")] // loopback
    [InlineData("127.255.255.254")]
    [InlineData("10.1.2.3")] // RFC 1918
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")] // cloud metadata
    [InlineData("100.64.0.1")] // carrier-grade NAT
    [InlineData("0.0.0.0")] // unspecified
    [InlineData("224.0.0.251")] // multicast
    [InlineData("255.255.255.255")] // broadcast
    [InlineData("192.0.2.10")] // documentation
    [InlineData("198.18.0.1")] // benchmarking
    public void IsPublic_IPv4NotOnTheInternet_IsFalse(string address) => Assert.False(LinkAddresses.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("::1")] // loopback
    [InlineData("::")] // unspecified
    [InlineData("fc00::1")] // unique local
    [InlineData("fd12:3456:789a::1")]
    [InlineData("fe80::1")] // link-local
    [InlineData("febf:ffff::1")]
    [InlineData("ff02::1")] // multicast
    [InlineData("2001:db8::1")] // documentation
    [InlineData("::127.0.0.1")] // IPv4-compatible (deprecated)
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2")] // Teredo
    public void IsPublic_IPv6NotOnTheInternet_IsFalse(string address) => Assert.False(LinkAddresses.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("::ffff:127.0.0.1")] // IPv4-mapped loopback
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:192.168.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")] // NAT64 of 169.254.169.254
    [InlineData("64:ff9b::7f00:1")] // NAT64 of 127.0.0.1
    [InlineData("2002:c0a8:0101::1")] // 6to4 of 192.168.1.1
    [InlineData("2002:7f00:0001::1")] // 6to4 of 127.0.0.1
    public void IsPublic_IPv6CarryingAPrivateIPv4_IsFalse(string address) => Assert.False(LinkAddresses.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("200.57.7.1")]
    [InlineData("172.32.0.1")] // just past 172.16.0.0/12
    [InlineData("172.15.255.255")] // just before it
    [InlineData("100.128.0.1")] // just past 100.64.0.0/10
    [InlineData("169.255.0.1")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("2a00:1450:4001::1")]
    [InlineData("::ffff:8.8.8.8")] // IPv4-mapped public
    [InlineData("64:ff9b::808:808")] // NAT64 of 8.8.8.8
    [InlineData("2002:0808:0808::1")] // 6to4 of 8.8.8.8
    public void IsPublic_OnTheInternet_IsTrue(string address) => Assert.True(LinkAddresses.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public void IsAllowed_APrivateAddress_OnlyWhenTheOperatorAllowsIt()
    {
        var intranet = IPAddress.Parse("10.20.1.5");
        Assert.False(LinkAddresses.IsAllowed(intranet, allowPrivate: false, []));
        Assert.True(LinkAddresses.IsAllowed(intranet, allowPrivate: true, []));
        Assert.True(LinkAddresses.IsAllowed(intranet, allowPrivate: false, [IPNetwork.Parse("10.20.0.0/16")]));
        Assert.True(LinkAddresses.IsAllowed(IPAddress.Parse("::ffff:10.20.1.5"), allowPrivate: false, [IPNetwork.Parse("10.20.0.0/16")]));
        Assert.False(LinkAddresses.IsAllowed(IPAddress.Parse("10.21.0.1"), allowPrivate: false, [IPNetwork.Parse("10.20.0.0/16")]));
        Assert.False(LinkAddresses.IsAllowed(IPAddress.Parse("169.254.169.254"), allowPrivate: false, [IPNetwork.Parse("10.20.0.0/16")]));
    }
}
