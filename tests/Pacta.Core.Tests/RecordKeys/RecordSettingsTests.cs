using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;
using Pacta.Core.RecordKeys;

namespace Pacta.Core.Tests.RecordKeys;

public class RecordSettingsTests
{
    private static FlatConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new FlatConfiguration(settings.ToDictionary(s => s.Key, s => s.Value, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Keys and values, nothing else: the settings read only <c>configuration[key]</c>, and Pacta.Core
    /// references only the configuration abstractions, so the tests need no configuration builder package.
    /// </summary>
    private sealed class FlatConfiguration(Dictionary<string, string> values) : IConfiguration
    {
        public string? this[string key]
        {
            get => values.GetValueOrDefault(key);
            set => throw new NotSupportedException();
        }

        public IEnumerable<IConfigurationSection> GetChildren() => throw new NotSupportedException();
        public IChangeToken GetReloadToken() => throw new NotSupportedException();
        public IConfigurationSection GetSection(string key) => throw new NotSupportedException();
    }

    [Fact]
    public void FromConfiguration_Nothing_KeyInTheDataDirectoryAndOriginFromTheHostName()
    {
        var settings = RecordSettings.FromConfiguration(Configuration(), "/srv/pacta/data");

        Assert.Equal("/srv/pacta/data/record-signing.key", settings.KeyFile);
        Assert.False(settings.OriginConfigured);
        Assert.Equal(RecordSettings.DefaultOrigin(System.Net.Dns.GetHostName()), settings.Origin);
        Assert.EndsWith("/pacta", settings.Origin, StringComparison.Ordinal);
        Assert.Null(RecordSettings.OriginProblem(settings.Origin));
    }

    [Fact]
    public void FromConfiguration_Configured_TakesKeyFileAndOrigin()
    {
        var settings = RecordSettings.FromConfiguration(
            Configuration(("Pacta:Record:KeyFile", "/etc/pacta/record.key"), ("Pacta:Record:Origin", "gobierno-abierto.example.mx/pacta")), "/srv/pacta/data");

        Assert.Equal(new RecordSettings("/etc/pacta/record.key", "gobierno-abierto.example.mx/pacta", OriginConfigured: true), settings);
    }

    [Theory]
    [InlineData("Pacta.Example.ORG", "pacta.example.org/pacta")]
    [InlineData("host.example.", "host.example/pacta")]
    [InlineData("", "localhost/pacta")]
    [InlineData(null, "localhost/pacta")]
    [InlineData("bad host", "localhost/pacta")]
    [InlineData("a+b", "localhost/pacta")]
    public void DefaultOrigin_IsTheLowerCaseHostWithPacta(string? hostName, string expected) =>
        Assert.Equal(expected, RecordSettings.DefaultOrigin(hostName));

    [Theory]
    [InlineData("example.org/pacta")]
    [InlineData("example.com/behind-the-sofa")]
    [InlineData("localhost:8080/pacta")]
    public void OriginProblem_SchemaLessUrl_IsNone(string origin) => Assert.Null(RecordSettings.OriginProblem(origin));

    [Theory]
    [InlineData("")]
    [InlineData("example.org/pacta+1")]
    [InlineData("example.org/ pacta")]
    [InlineData("example.org/\tpacta")]
    [InlineData("example.org/\u00a0pacta")]
    [InlineData("example.org/pacta\n")]
    [InlineData("example.org/\u0007pacta")]
    [InlineData("https://example.org/pacta")]
    public void OriginProblem_BreaksTheRules_IsSaid(string origin) => Assert.NotNull(RecordSettings.OriginProblem(origin));

    [Fact]
    public void FromConfiguration_BadOrigin_NamesTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            RecordSettings.FromConfiguration(Configuration(("Pacta:Record:Origin", "example.org/pacta+log")), "/srv/pacta/data"));

        Assert.Contains("Pacta:Record:Origin", error.Message, StringComparison.Ordinal);
        Assert.Contains("'+'", error.Message, StringComparison.Ordinal);
    }
}
