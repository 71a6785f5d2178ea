namespace Pacta.Web.PrivateSpaces;

/// <summary>Checks the private spaces' forms share beyond length: text a person could have typed.</summary>
internal static class SpaceInput
{
    /// <summary>
    /// Whether <paramref name="text"/> is not text a person typed: a control character other than, when
    /// <paramref name="lines"/>, line breaks and tabs (they hide text from readers and break terminals that print the
    /// log), a lone surrogate, or U+FFFD (what bytes that were not UTF-8 decode to). See <see cref="Security.PlainTextAttribute"/>.
    /// </summary>
    public static bool HasControlCharacters(string text, bool lines) => Security.PlainTextAttribute.Problem(text, lines) is not null;
}
