using System.Globalization;

namespace Pacta.Core.Record;

/// <summary>
/// A whole number from 0 in its one canonical spelling: ASCII digits, no sign, space, exponent or leading
/// zero ("0" itself is fine), fitting a long. Tree sizes in checkpoints and entry indexes in page addresses
/// are spelled this way, so one value has one spelling (and one page one URL).
/// </summary>
public static class CanonicalDecimal
{
    public static bool TryParse(string? text, out long value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text) || (text.Length > 1 && text[0] == '0')) return false;
        foreach (var c in text)
            if (!char.IsAsciiDigit(c)) return false;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
