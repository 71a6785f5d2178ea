using System.Text;

namespace Pacta.Web.PrivateSpaces;

/// <summary>A file name a browser can save safely: no folders, no control or quoting characters, not empty.</summary>
internal static class DocumentNames
{
    public static string Sanitize(string? name)
    {
        // Browsers send "C:\fakepath\x" or a bare name; either way only the last part is a name.
        var last = (name ?? "").Replace('\\', '/').Split('/')[^1];
        var clean = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            if (char.IsControl(c) || c is '"' or '<' or '>' or ':' or '*' or '?' or '|' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format) continue;
            clean.Append(c);
        }
        var result = clean.ToString().Trim().TrimStart('.').Trim();
        if (result.Length > Core.PrivateSpaces.SpaceLimits.DocumentNameMaxLength) result = result[..Core.PrivateSpaces.SpaceLimits.DocumentNameMaxLength];
        return result.Length == 0 ? "document" : result;
    }
}
