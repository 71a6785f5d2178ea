using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Pacta.Web.Security;

/// <summary>
/// Text a person typed: no control characters (line breaks and tabs only where <see cref="Multiline"/>), no U+FFFD
/// (what invalid UTF-8 decodes to: the bytes sent were not text), no unpaired surrogates. Markup and SQL
/// metacharacters are text like any other: they are stored as typed and always shown escaped.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
internal sealed class PlainTextAttribute : ValidationAttribute
{
    public bool Multiline { get; init; }

    public override bool IsValid(object? value) => value is not string text || Problem(text, Multiline) is null;

    public override string FormatErrorMessage(string name) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es"
            ? $"{name} contiene caracteres que no son texto (caracteres de control o bytes que no son UTF-8 válido)."
            : $"{name} contains characters that are not text (control characters or bytes that are not valid UTF-8).";

    /// <summary>
    /// A text typed in both languages, each trimmed (empty is unknown, null); null when either is not plain text, which a
    /// form refuses with <c>Refusal_NotText</c>.
    /// </summary>
    public static Pacta.Core.LocalizedText? Bilingual(string? es, string? en, bool multiline)
    {
        var text = new Pacta.Core.LocalizedText(Trimmed(es), Trimmed(en));
        return (text.Es is { } e && Problem(e, multiline) is not null) || (text.En is { } n && Problem(n, multiline) is not null) ? null : text;
    }

    /// <summary>The text without the spaces around it; null when nothing is left.</summary>
    public static string? Trimmed(string? text) => text?.Trim() is { Length: > 0 } t ? t : null;

    /// <summary>Null when the text is acceptable; otherwise what is wrong with it, for logs and tests.</summary>
    public static string? Problem(string text, bool multiline)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\uFFFD') return "invalid UTF-8";
            if (char.IsHighSurrogate(c) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))) return "unpaired surrogate";
            if (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1]))) return "unpaired surrogate";
            if (multiline && c is '\n' or '\r' or '\t') continue;
            if (char.IsControl(c)) return $"control character U+{(int)c:X4}";
        }
        return null;
    }
}
