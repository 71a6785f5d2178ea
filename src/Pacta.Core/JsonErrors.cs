using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pacta.Core;

/// <summary>
/// How Pacta's JSON readers (forum documents, canonical record events) say where a problem is:
/// a JSON path (<c>plans[0].commitments[3].code</c>) and, for bytes that are not JSON, a line and column.
/// </summary>
internal static partial class JsonErrors
{
    /// <summary>"line L, column C: " for a byte offset, columns counted in bytes as System.Text.Json counts them.</summary>
    public static string Where(ReadOnlySpan<byte> json, long offset)
    {
        var before = json[..(int)offset];
        var line = before.Count((byte)'\n') + 1;
        var column = offset - (before.LastIndexOf((byte)'\n') + 1) + 1;
        return $"line {line}, column {column}: ";
    }

    /// <summary>System.Text.Json's message without the position and path it appends (Pacta gives its own).</summary>
    public static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    /// <summary>The path of a member inside <paramref name="path"/>: <c>a.b</c>, or <c>a["b c"]</c> for a name that is not an identifier.</summary>
    public static string Member(string path, string name) =>
        Identifier().IsMatch(name) ? (path.Length == 0 ? name : $"{path}.{name}") : $"{path}[{JsonSerializer.Serialize(name)}]";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
