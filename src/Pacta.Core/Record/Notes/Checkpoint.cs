using System.Globalization;
using System.Text;

namespace Pacta.Core.Record.Notes;

/// <summary>
/// The body of a C2SP tlog-checkpoint v1.0.0: origin, tree size, base64 RFC 6962 root hash, then optional
/// extension lines, each ending in newline. Signed and opened as a <see cref="SignedNote"/>.
/// </summary>
public sealed class Checkpoint
{
    /// <summary>RFC 6962 root hashes are SHA-256.</summary>
    public const int HashLength = 32;

    private readonly byte[] rootHash;

    /// <summary>Creates a checkpoint, refusing values that could not be written back exactly.</summary>
    /// <exception cref="NoteFormatException">An empty or multi-line origin, a negative size, a hash not 32 bytes, or an empty or multi-line extension.</exception>
    public Checkpoint(string origin, long treeSize, ReadOnlySpan<byte> rootHash, IReadOnlyList<string>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (origin.Length == 0) throw Malformed("origin must be non-empty");
        if (!IsSingleLine(origin)) throw Malformed("origin must be a single line without control characters");
        if (treeSize < 0) throw Malformed("tree size must not be negative");
        if (rootHash.Length != HashLength) throw Malformed($"root hash must be {HashLength} bytes");
        extensions ??= [];
        foreach (var line in extensions)
            if (string.IsNullOrEmpty(line) || !IsSingleLine(line)) throw Malformed("extension lines must be non-empty single lines");

        Origin = origin;
        TreeSize = treeSize;
        this.rootHash = rootHash.ToArray();
        Extensions = [.. extensions];
    }

    /// <summary>The log's identity, e.g. <c>example.org/pacta</c>; by convention also the signing key's name.</summary>
    public string Origin { get; }

    /// <summary>The number of leaves in the tree.</summary>
    public long TreeSize { get; }

    /// <summary>The 32-byte RFC 6962 root hash of the first <see cref="TreeSize"/> leaves.</summary>
    public ReadOnlySpan<byte> RootHash => rootHash;

    /// <summary>Opaque extension lines (not recommended by the spec, kept so a parsed body formats back exactly).</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>The note text: each line followed by a newline.</summary>
    public string Format()
    {
        var text = new StringBuilder()
            .Append(Origin).Append('\n')
            .Append(TreeSize.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Convert.ToBase64String(rootHash)).Append('\n');
        foreach (var line in Extensions) text.Append(line).Append('\n');
        return text.ToString();
    }

    /// <inheritdoc cref="Format"/>
    public override string ToString() => Format();

    /// <summary>
    /// Parses a checkpoint body (a signed note's text). Strict: a size of ASCII digits without sign,
    /// space or leading zero; a root hash in canonical base64 of exactly 32 bytes; no empty line.
    /// </summary>
    /// <exception cref="NoteFormatException">The body breaks the format; the message names the line.</exception>
    public static Checkpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.EndsWith('\n')) throw Malformed("body must end in newline");
        var lines = text[..^1].Split('\n');
        if (lines.Length < 3) throw Malformed("body needs origin, tree size and root hash lines");
        if (lines[0].Length == 0) throw Malformed("origin line is empty");
        if (!CanonicalDecimal.TryParse(lines[1], out var size))
            throw Malformed("tree size must be decimal digits with no sign, space or leading zero");
        if (!NoteKey.TryDecodeBase64(lines[2], out var hash)) throw Malformed("root hash is not canonical base64");
        if (hash.Length != HashLength) throw Malformed($"root hash must be {HashLength} bytes, not {hash.Length}");
        for (var i = 3; i < lines.Length; i++)
            if (lines[i].Length == 0) throw Malformed($"extension line {i - 2} is empty");
        return new Checkpoint(lines[0], size, hash, lines[3..]);
    }

    /// <summary>Opens <paramref name="note"/> with the known keys, then parses its text as a checkpoint.</summary>
    /// <exception cref="NoteFormatException">The note does not verify or its body is not a checkpoint.</exception>
    public static Checkpoint Open(ReadOnlySpan<byte> note, IEnumerable<NoteVerifier> verifiers) =>
        Parse(SignedNote.Open(note, verifiers).Text);

    /// <summary>Formats and signs the checkpoint; returns the signed note's bytes.</summary>
    public byte[] Sign(params IReadOnlyList<NoteSigner> signers) => SignedNote.Sign(Format(), signers);

    private static bool IsSingleLine(string text)
    {
        foreach (var c in text)
            if (c < 0x20) return false;
        return true;
    }

    private static NoteFormatException Malformed(string reason) => new(NoteError.MalformedCheckpoint, $"malformed checkpoint: {reason}");
}
