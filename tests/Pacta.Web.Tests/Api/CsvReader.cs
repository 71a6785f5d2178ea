using System.Text;

namespace Pacta.Web.Tests.Api;

/// <summary>
/// A strict RFC 4180 reader for tests: records end in CRLF (the last one too), quoted fields may
/// hold commas, CR, LF and doubled quotes, and anything else (a bare LF, a quote inside an
/// unquoted field, text after a closing quote) is an error rather than a guess.
/// </summary>
internal static class CsvReader
{
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new FormatException("unterminated quoted field");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    if (text[i] == '"') throw new FormatException($"quote inside an unquoted field at {i}");
                    field.Append(text[i++]);
                }
            }

            if (i >= text.Length) throw new FormatException("the last record does not end in CRLF");
            switch (text[i])
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    i++;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add([.. fields]);
                    fields.Clear();
                    i += 2;
                    break;
                default:
                    throw new FormatException($"unexpected {(int)text[i]} at {i}: records end in CRLF, quoted fields end before , or CRLF");
            }
        }
        return records;
    }
}
