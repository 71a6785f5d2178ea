namespace Pacta.Web.PrivateSpaces;

/// <summary>Checks the private spaces' forms share beyond length: text a person could have typed.</summary>
internal static class SpaceInput
{
    /// <summary>
    /// Whether <paramref name="text"/> holds a control character (or a lone surrogate, which no keyboard
    /// makes) other than, when <paramref name="lines"/>, line breaks and tabs. Such characters hide text
    /// from readers and break terminals that print the log.
    /// </summary>
    public static bool HasControlCharacters(string text, bool lines)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c)) return true;
            if (lines && c is '\n' or '\r' or '\t') continue;
            if (char.IsControl(c)) return true;
        }
        return false;
    }
}
