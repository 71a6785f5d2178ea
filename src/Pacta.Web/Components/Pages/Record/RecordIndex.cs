namespace Pacta.Web.Components.Pages.Record;

/// <summary>An entry index as it appears in a page address: one spelling per index, so one page has one URL.</summary>
internal static class RecordIndex
{
    /// <summary>ASCII digits without sign, space, exponent or leading zero ("0" itself is fine), fitting a long.</summary>
    public static bool TryParse(string? text, out long index)
    {
        index = 0;
        if (string.IsNullOrEmpty(text) || (text.Length > 1 && text[0] == '0')) return false;
        foreach (var c in text)
            if (!char.IsAsciiDigit(c)) return false;
        return long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out index);
    }
}
