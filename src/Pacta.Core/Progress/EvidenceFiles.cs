using System.Security.Cryptography;
using System.Text;

namespace Pacta.Core.Progress;

/// <summary>
/// Evidence files kept content-addressed under the data directory: <c>evidence/ab/abcdef…</c>, named by the SHA-256
/// of their bytes, so the same file uploaded twice is kept once and anyone can check a download against its name.
/// </summary>
public sealed class EvidenceFiles(string directory)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public string Directory { get; } = directory;

    /// <summary>
    /// Writes <paramref name="bytes"/> unless a file with its hash is already kept; returns the hash (hex), and whether
    /// this call wrote it (a caller whose operation then fails removes only what it brought).
    /// </summary>
    /// <remarks>Written to a temporary file and moved into place, so a reader never sees half a file and a crash leaves none.</remarks>
    public async Task<(string Sha256, bool Created)> SaveAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes.Span));
        var path = PathOf(hash);
        if (File.Exists(path)) return (hash, false);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.WriteThrough))
            await file.WriteAsync(bytes, cancellationToken);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another upload of the same bytes won: the content is the same by its name.
            File.Delete(temporary);
            return (hash, false);
        }
        return (hash, true);
    }

    /// <summary>The file kept for <paramref name="hash"/>, or null; the hash must be 64 lower-case hex digits (it becomes a path).</summary>
    public string? Find(string hash) => IsHash(hash) && File.Exists(PathOf(hash)) ? PathOf(hash) : null;

    public static bool IsHash(string? text) => text is { Length: 64 } && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private string PathOf(string hash) => Path.Combine(Directory, hash[..2], hash);
}

/// <summary>
/// What an evidence file is, read from its bytes (never from its name or the browser's claim): PDF, PNG, JPEG,
/// OpenDocument and Office Open XML documents, or plain text (CSV included) in UTF-8. Anything else is refused.
/// </summary>
public static class EvidenceTypes
{
    public static readonly IReadOnlyList<string> Allowed =
        ["application/pdf", "image/png", "image/jpeg", "application/vnd.oasis.opendocument", "application/vnd.openxmlformats-officedocument", "text/plain"];

    /// <summary>The media type the content is, or null when it is none Pacta keeps.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8)) return "application/pdf";
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            // An OpenDocument file starts with its stored "mimetype" entry; an Office Open XML one lists [Content_Types].xml.
            var head = content[..Math.Min(content.Length, 4096)];
            if (head.Length > 38 && head[30..].StartsWith("mimetypeapplication/vnd.oasis.opendocument."u8))
            {
                var rest = head[38..];
                var end = rest.IndexOfAny((byte)'P', (byte)0);
                return Encoding.ASCII.GetString(end < 0 ? rest : rest[..end]).TrimEnd();
            }
            return content.IndexOf("[Content_Types].xml"u8) >= 0 ? OfficeType(content) : null;
        }
        return IsText(content) ? "text/plain; charset=utf-8" : null;
    }

    /// <summary>How many bytes at the start of a fetched link's content <see cref="SniffLink"/> reads.</summary>
    public const int LinkHeadBytes = 64 * 1024;

    /// <summary>
    /// The media type a fetched link's content is, from its first bytes (<paramref name="head"/>; <paramref name="whole"/>
    /// when that is all of it), or null when unrecognised: an HTML page or XML document (the patterns of WHATWG MIME
    /// Sniffing, "identifying a resource with an unknown MIME type", after an optional UTF-8 byte order mark), then
    /// whatever <see cref="Sniff"/> recognises in a file. A text is judged on its head only.
    /// </summary>
    public static string? SniffLink(ReadOnlySpan<byte> head, bool whole)
    {
        var markup = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head;
        var start = 0;
        while (start < markup.Length && markup[start] is 0x09 or 0x0A or 0x0C or 0x0D or 0x20) start++;
        markup = markup[start..];
        foreach (var tag in HtmlTags)
            if (markup.Length > tag.Length && StartsWithIgnoringCase(markup, tag) && markup[tag.Length] is 0x20 or 0x3E) return "text/html";
        if (markup.StartsWith("<?xml"u8)) return "text/xml";
        if (!whole)
        {
            // The head may end inside a character: judge the text without it.
            for (var back = 1; back <= Math.Min(3, head.Length); back++)
            {
                var b = head[^back];
                if ((b & 0xC0) == 0x80) continue;
                var length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                if (length > back) head = head[..^back];
                break;
            }
        }
        return Sniff(head);
    }

    private static readonly byte[][] HtmlTags = [.. ((string[])["<!DOCTYPE HTML", "<HTML", "<HEAD", "<SCRIPT", "<IFRAME", "<H1", "<DIV", "<FONT", "<TABLE", "<A",
        "<STYLE", "<TITLE", "<B", "<BODY", "<BR", "<P", "<!--"]).Select(Encoding.ASCII.GetBytes)];

    private static bool StartsWithIgnoringCase(ReadOnlySpan<byte> content, byte[] upper)
    {
        for (var i = 0; i < upper.Length; i++)
            if ((char.IsAsciiLetterLower((char)content[i]) ? content[i] - 0x20 : content[i]) != upper[i]) return false;
        return true;
    }

    private static string OfficeType(ReadOnlySpan<byte> content) =>
        content.IndexOf("word/"u8) >= 0 ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        : content.IndexOf("xl/"u8) >= 0 ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : content.IndexOf("ppt/"u8) >= 0 ? "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        : "application/vnd.openxmlformats-officedocument";

    /// <summary>Valid UTF-8 with no control characters but tabs and line breaks: a CSV or a text a person can read.</summary>
    private static bool IsText(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty || !System.Text.Unicode.Utf8.IsValid(content)) return false;
        foreach (var c in Encoding.UTF8.GetString(content))
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) return false;
        return true;
    }

    /// <summary>A file name to show: its last segment, without control or quoting characters; null when nothing is left.</summary>
    /// <returns>Null with <paramref name="problem"/> when the name tries to leave its folder (<c>..</c>, a slash or a backslash).</returns>
    public static string? CleanName(string? name, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(name)) return null;
        if (name.Contains('/') || name.Contains('\\') || name.Split('.').Any(p => p.Length == 0 && name.Contains("..", StringComparison.Ordinal)))
        {
            problem = "the file name holds a folder or \"..\"; give the file's own name";
            return null;
        }
        var clean = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or '\'' or ';' or '<' or '>'))]).Trim();
        return clean.Length == 0 ? null : clean.Length > 200 ? clean[..200] : clean;
    }
}
