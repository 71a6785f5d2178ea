using System.Text.RegularExpressions;

namespace Pacta.Core.Agreements;

/// <summary>One run of a word-level difference: text both versions share, or text only the older or the newer has.</summary>
public sealed record DiffPart(DiffKind Kind, string Text);

public enum DiffKind
{
    Same,
    Removed,
    Added,
}

/// <summary>
/// A word-level difference between two texts, for reading what changed between two versions: words, spaces and
/// punctuation are the units, the longest common subsequence is kept, the rest is removed or added.
/// </summary>
public static partial class WordDiff
{
    /// <summary>Past this many cells (words × words) the texts are shown as replaced whole: a page must not cost seconds.</summary>
    public const long MaxCells = 4_000_000;

    public static IReadOnlyList<DiffPart> Between(string? older, string? newer)
    {
        var a = Tokens(older ?? "");
        var b = Tokens(newer ?? "");
        // Common start and end first: most edits change a few words in the middle.
        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start]) start++;
        var end = 0;
        while (end < a.Length - start && end < b.Length - start && a[^(end + 1)] == b[^(end + 1)]) end++;
        var parts = new List<DiffPart>();
        Add(parts, DiffKind.Same, a[..start]);
        var middleA = a[start..^end];
        var middleB = b[start..^end];
        if ((long)middleA.Length * middleB.Length > MaxCells)
        {
            Add(parts, DiffKind.Removed, middleA);
            Add(parts, DiffKind.Added, middleB);
        }
        else Lcs(parts, middleA, middleB);
        Add(parts, DiffKind.Same, a[^end..]);
        return parts;
    }

    private static void Lcs(List<DiffPart> parts, string[] a, string[] b)
    {
        // lengths[i, j]: the longest common subsequence of a[i..] and b[j..].
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                Add(parts, DiffKind.Same, [a[x]]);
                x++;
                y++;
            }
            // What went comes before what came, so a replaced word reads "old → new".
            else if (x < a.Length && (y == b.Length || lengths[x + 1, y] >= lengths[x, y + 1]))
            {
                Add(parts, DiffKind.Removed, [a[x]]);
                x++;
            }
            else
            {
                Add(parts, DiffKind.Added, [b[y]]);
                y++;
            }
        }
    }

    /// <summary>Appends tokens, joining them to the last part when it is of the same kind.</summary>
    private static void Add(List<DiffPart> parts, DiffKind kind, string[] tokens)
    {
        if (tokens.Length == 0) return;
        var text = string.Concat(tokens);
        if (parts.Count > 0 && parts[^1].Kind == kind) parts[^1] = parts[^1] with { Text = parts[^1].Text + text };
        else parts.Add(new DiffPart(kind, text));
    }

    private static string[] Tokens(string text) => [.. Token().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\w+|\s+|[^\w\s]", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
