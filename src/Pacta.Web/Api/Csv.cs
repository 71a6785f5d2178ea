using System.Text;

namespace Pacta.Web.Api;

/// <summary>
/// A small RFC 4180 writer: records end in CRLF, a field containing a comma, a quote, CR or LF is
/// quoted, and quotes inside it are doubled. Open data files are small, so rows are built in memory.
/// </summary>
internal sealed class Csv
{
    /// <summary>UTF-8 with a byte order mark: without it, spreadsheet programs read "Función" as "FunciÃ³n".</summary>
    public static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    private readonly StringBuilder _text = new();

    public void WriteRow(params ReadOnlySpan<string?> fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) _text.Append(',');
            AppendField(_text, fields[i]);
        }
        _text.Append("\r\n");
    }

    /// <summary>The file: byte order mark, then the rows in UTF-8.</summary>
    public byte[] ToBytes() => [.. Encoding.GetPreamble(), .. Encoding.GetBytes(_text.ToString())];

    public override string ToString() => _text.ToString();

    private static void AppendField(StringBuilder text, string? value)
    {
        if (string.IsNullOrEmpty(value)) return; // unknown is an empty cell, never a made-up value
        // Formula injection: spreadsheet programs run a cell that starts with = + - @ (and, in some,
        // TAB or CR) as a formula, so a title like =HYPERLINK("https://evil", "…") would act in the
        // reader's spreadsheet. A leading apostrophe makes them show it as text (OWASP's advice).
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            text.Append(value);
            return;
        }
        text.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
