using System.Globalization;

namespace Pacta.Core;

/// <summary>
/// A text in Pacta's two languages. Either may be unknown (null): public records are often
/// published in one language only, and Pacta never machine-translates or invents the other.
/// </summary>
public sealed record LocalizedText(string? Es, string? En)
{
    public static readonly LocalizedText Unknown = new(null, null);

    public bool IsUnknown => Es is null && En is null;

    /// <summary>The text in the language of <paramref name="culture"/>, or null when that language is unknown.</summary>
    public string? In(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" ? En : Es;

    /// <summary>
    /// The text in the reader's language if known, else in the other language with that language's code,
    /// so a page can mark it with <c>lang</c>.
    /// </summary>
    public (string Text, string Language)? Best(CultureInfo culture)
    {
        var wanted = culture.TwoLetterISOLanguageName == "en" ? "en" : "es";
        return (wanted, Es, En) switch
        {
            ("en", _, not null) => (En, "en"),
            ("es", not null, _) => (Es, "es"),
            (_, not null, _) => (Es, "es"),
            (_, _, not null) => (En, "en"),
            _ => null,
        };
    }
}
