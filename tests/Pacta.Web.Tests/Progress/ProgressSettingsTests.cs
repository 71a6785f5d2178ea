using System.Net;
using Microsoft.Extensions.Configuration;
using Pacta.Web.Progress;

namespace Pacta.Web.Tests.Progress;

/// <summary>How <c>Pacta:Progress:…</c> reads: fetching off and public addresses only unless the operator says otherwise.</summary>
public class ProgressSettingsTests
{
    private static ProgressSettings Read(params (string Key, string Value)[] values) =>
        ProgressSettings.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build());

    [Fact]
    public void FromConfiguration_Nothing_FetchesNothingAndNoPrivateAddress()
    {
        var settings = Read();

        Assert.False(settings.FetchLinks);
        Assert.False(settings.Fetch.AllowPrivateAddresses);
        Assert.Empty(settings.Fetch.AllowedNetworks);
        Assert.Equal(10 * 1024 * 1024, settings.Fetch.MaxBytes);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.Fetch.Timeout);
    }

    [Fact]
    public void FromConfiguration_TheOperatorsChoices_AreRead()
    {
        var settings = Read(("Pacta:Progress:FetchLinks", "true"), ("Pacta:Progress:FetchPrivateAddresses", "true"),
            ("Pacta:Progress:FetchAllowedNetworks:0", "10.20.0.0/16"), ("Pacta:Progress:FetchMaxBytes", "1048576"), ("Pacta:Progress:FetchTimeoutSeconds", "5"));

        Assert.True(settings.FetchLinks);
        Assert.True(settings.Fetch.AllowPrivateAddresses);
        Assert.Equal([IPNetwork.Parse("10.20.0.0/16")], settings.Fetch.AllowedNetworks);
        Assert.Equal(1048576, settings.Fetch.MaxBytes);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.Fetch.Timeout);
    }

    [Theory]
    [InlineData("Pacta:Progress:FetchAllowedNetworks:0", "intranet", "FetchAllowedNetworks: 'intranet'")]
    [InlineData("Pacta:Progress:FetchMaxBytes", "0", "FetchMaxBytes")]
    [InlineData("Pacta:Progress:FetchTimeoutSeconds", "0", "FetchTimeoutSeconds")]
    public void FromConfiguration_ABadValue_StopsTheStartNamingIt(string key, string value, string named) =>
        Assert.Contains(named, Assert.Throws<InvalidOperationException>(() => Read((key, value))).Message, StringComparison.Ordinal);
}
