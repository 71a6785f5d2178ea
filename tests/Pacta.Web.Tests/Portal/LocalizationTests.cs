using System.Collections;
using System.Globalization;
using System.Resources;
using Pacta.Web.Localization;

namespace Pacta.Web.Tests.Portal;

/// <summary>Both languages carry the same strings: a key missing in one would show its name to readers.</summary>
public sealed class LocalizationTests
{
    private static readonly ResourceManager Resources = new("Pacta.Web.Localization.Text", typeof(Text).Assembly);

    private static SortedSet<string> Keys(CultureInfo culture) =>
        new(Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().Select(e => (string)e.Key), StringComparer.Ordinal);

    [Fact]
    public void Resources_SpanishAndEnglish_HaveTheSameKeys()
    {
        var spanish = Keys(CultureInfo.InvariantCulture);
        var english = Keys(CultureInfo.GetCultureInfo("en"));

        Assert.Empty(spanish.Except(english));
        Assert.Empty(english.Except(spanish));
    }

    [Theory]
    [InlineData("Anti-Corruption")]
    [InlineData("Civic Space")]
    [InlineData("Fiscal Openness")]
    [InlineData("Gender")]
    [InlineData("Public Participation")]
    [InlineData("Public Service Delivery")]
    [InlineData("Open Contracting")]
    public void Resources_PolicyAreaInTheData_HasASpanishName(string area)
    {
        var spanish = Resources.GetString($"PolicyArea_{area}", CultureInfo.InvariantCulture);

        Assert.False(string.IsNullOrWhiteSpace(spanish));
        Assert.NotEqual(area, spanish);
    }
}
