using System.Globalization;

namespace Pacta.Core.Tests;

public sealed class LocalizedTextTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-MX");

    [Fact]
    public void Best_BothLanguagesKnown_GivesTheReadersLanguage()
    {
        var text = new LocalizedText("Compromiso", "Commitment");

        Assert.Equal(("Commitment", "en"), text.Best(English));
        Assert.Equal(("Compromiso", "es"), text.Best(Spanish));
    }

    [Fact]
    public void Best_ReadersLanguageUnknown_GivesTheOtherWithItsLanguage()
    {
        Assert.Equal(("Compromiso", "es"), new LocalizedText("Compromiso", null).Best(English));
        Assert.Equal(("Commitment", "en"), new LocalizedText(null, "Commitment").Best(Spanish));
    }

    [Fact]
    public void Best_NothingKnown_IsNull()
    {
        Assert.Null(LocalizedText.Unknown.Best(English));
        Assert.Null(LocalizedText.Unknown.Best(Spanish));
    }

    [Fact]
    public void Best_AThirdLanguage_PrefersSpanish()
    {
        var text = new LocalizedText("Compromiso", "Commitment");

        Assert.Equal(("Compromiso", "es"), text.Best(CultureInfo.GetCultureInfo("fr-FR")));
    }

    [Fact]
    public void In_LanguageUnknown_IsNullRatherThanTheOtherLanguage()
    {
        var text = new LocalizedText(null, "Commitment");

        Assert.Null(text.In(Spanish));
        Assert.Equal("Commitment", text.In(English));
    }
}
