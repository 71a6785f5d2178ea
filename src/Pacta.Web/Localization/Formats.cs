using System.Globalization;
using Microsoft.Extensions.Localization;
using Pacta.Core;

namespace Pacta.Web.Localization;

/// <summary>Culture-aware formatting shared by pages, so a date or a code reads the same everywhere.</summary>
internal static class Formats
{
    /// <summary>A partial date at its own precision: "2019", "mayo de 2017", "25 de octubre de 2022".</summary>
    public static string Date(PartialDate date, IStringLocalizer<Text> t)
    {
        var culture = CultureInfo.CurrentCulture;
        return (date.Month, date.Day) switch
        {
            (null, _) => date.Year.ToString(culture),
            (not null, null) => date.Start.ToString(t["DateFormatMonth"], culture),
            _ => date.Start.ToString(t["DateFormatDay"], culture),
        };
    }

    /// <summary>The localized name of a vocabulary code (<c>Ground_surveillance-of-participants</c>), or the code itself when Pacta has no name for it.</summary>
    public static string Vocabulary(IStringLocalizer<Text> t, string prefix, string code)
    {
        var name = t[$"{prefix}_{code}"];
        return name.ResourceNotFound ? code : name.Value;
    }

    /// <summary>A count with its noun in the right number: resource <c>{key}_One</c> for 1, <c>{key}_Other</c> otherwise, each with <c>{0}</c>.</summary>
    public static string Count(IStringLocalizer<Text> t, string key, int count) =>
        t[count == 1 ? $"{key}_One" : $"{key}_Other", Number(count)];

    /// <inheritdoc cref="Count(IStringLocalizer{Text}, string, int)"/>
    public static string Count(IStringLocalizer<Text> t, string key, long count) =>
        t[count == 1 ? $"{key}_One" : $"{key}_Other", Number(count)];

    public static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>
    /// An instant to the second, always in UTC and saying so ("25 de noviembre de 2026, 01:05:55 UTC"): the record's
    /// times are UTC, and a reader comparing them with a verifier's output must not have to guess a time zone.
    /// </summary>
    public static string Timestamp(DateTimeOffset time, IStringLocalizer<Text> t) =>
        time.UtcDateTime.ToString(t["DateTimeFormatUtc"], CultureInfo.CurrentCulture);

    /// <summary>A decimal with the decimals it has and no trailing zeros ("20", "12.5" / "12,5" by culture).</summary>
    public static string Number(decimal value) => value.ToString("#,0.####", CultureInfo.CurrentCulture);

    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "es";

    /// <summary>
    /// Why an operation refused, in the reader's words: the resource <c>Refusal_{Code}</c>, or the operation's English
    /// message when no text is written for that code yet.
    /// </summary>
    public static string Refusal(IStringLocalizer<Text> t, string code, string fallback) =>
        t[$"Refusal_{code}"] is { ResourceNotFound: false } words ? words.Value : fallback;

    public static string Refusal(IStringLocalizer<Text> t, Pacta.Core.Refusal refusal) => Refusal(t, refusal.Code, refusal.Message);
}
