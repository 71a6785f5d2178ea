using System.Buffers.Binary;
using System.Text;

namespace Pacta.Core.Record.Notes;

/// <summary>One signature line of a signed note: key name, key ID and the signature bytes after the ID.</summary>
public sealed record NoteSignature(string Name, uint KeyId, ReadOnlyMemory<byte> Signature)
{
    /// <summary>The line as it appears in a note, em dash to newline.</summary>
    public string ToLine()
    {
        var bytes = new byte[4 + Signature.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, KeyId);
        Signature.Span.CopyTo(bytes.AsSpan(4));
        return $"{SignedNote.SignaturePrefix}{Name} {Convert.ToBase64String(bytes)}\n";
    }
}

/// <summary>
/// A note whose signatures were checked: <see cref="Signatures"/> verified against known keys,
/// <see cref="UnverifiedSignatures"/> from keys the verifier does not know (ignored, kept for witnesses).
/// </summary>
public sealed record VerifiedNote(string Text, IReadOnlyList<NoteSignature> Signatures, IReadOnlyList<NoteSignature> UnverifiedSignatures);

/// <summary>
/// C2SP signed-note v1.0.0: a text ending in newline, a blank line, then one or more lines
/// <c>— name base64(keyID || signature)</c>. Parsing is strict: a note is valid UTF-8 without control
/// characters other than newline, and every signature line is well formed, or the whole note is refused.
/// </summary>
public sealed class SignedNote
{
    /// <summary>Em dash (U+2014) and a space: how every signature line starts.</summary>
    public const string SignaturePrefix = "\u2014 ";

    /// <summary>
    /// At most this many signature lines. The spec asks for a limit and at least 16; 100 is Go's
    /// (golang.org/x/mod/sumdb/note), so a note one accepts the other accepts too.
    /// </summary>
    public const int MaxSignatures = 100;

    /// <summary>
    /// At most this many bytes. Bounds the work an untrusted note can cause; a checkpoint is a few hundred
    /// bytes and even 100 post-quantum signatures (about 7 kB of base64 each) fit.
    /// </summary>
    public const int MaxNoteBytes = 1 << 20;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private SignedNote(string text, IReadOnlyList<NoteSignature> signatures)
    {
        Text = text;
        Signatures = signatures;
    }

    /// <summary>The signed text, including its final newline.</summary>
    public string Text { get; }

    /// <summary>Every signature line, in order, verified or not.</summary>
    public IReadOnlyList<NoteSignature> Signatures { get; }

    /// <summary>Signs <paramref name="text"/> with each signer and returns the note's bytes.</summary>
    /// <exception cref="NoteFormatException">The text does not end in newline, or holds control characters.</exception>
    public static byte[] Sign(string text, params IReadOnlyList<NoteSigner> signers)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(signers);
        if (signers.Count == 0) throw new ArgumentException("at least one signer is needed", nameof(signers));
        var textBytes = EncodeStrict(text);
        if (!text.EndsWith('\n')) throw Malformed("note text must end in newline");
        CheckCharacters(textBytes);

        var note = new StringBuilder(text).Append('\n');
        foreach (var signer in signers)
            note.Append(new NoteSignature(signer.Name, signer.KeyId, signer.Sign(textBytes)).ToLine());
        var bytes = Encoding.UTF8.GetBytes(note.ToString());
        if (bytes.Length > MaxNoteBytes) throw Malformed($"note is larger than {MaxNoteBytes} bytes");
        return bytes;
    }

    /// <summary>Parses the note's structure without checking any signature.</summary>
    /// <exception cref="NoteFormatException">The note is malformed.</exception>
    public static SignedNote Parse(ReadOnlySpan<byte> note)
    {
        if (note.Length > MaxNoteBytes) throw Malformed($"note is larger than {MaxNoteBytes} bytes");
        CheckCharacters(note);

        // The text ends at the last blank line: the text itself may contain blank lines.
        var split = note.LastIndexOf("\n\n"u8);
        if (split < 0) throw Malformed("note has no blank line before its signatures");
        var text = note[..(split + 1)];
        var block = note[(split + 2)..];
        if (block.IsEmpty) throw Malformed("note has no signature lines");
        if (block[^1] != (byte)'\n') throw Malformed("note must end in newline");

        var signatures = new List<NoteSignature>();
        while (!block.IsEmpty)
        {
            var end = block.IndexOf((byte)'\n');
            var line = block[..end];
            block = block[(end + 1)..];
            if (signatures.Count == MaxSignatures) throw Malformed($"note has more than {MaxSignatures} signatures");
            signatures.Add(ParseSignatureLine(Encoding.UTF8.GetString(line)));
        }
        return new SignedNote(Encoding.UTF8.GetString(text), signatures);
    }

    /// <inheritdoc cref="Open(ReadOnlySpan{byte}, IEnumerable{NoteVerifier})"/>
    public static VerifiedNote Open(string note, IEnumerable<NoteVerifier> verifiers)
    {
        ArgumentNullException.ThrowIfNull(note);
        return Open(EncodeStrict(note), verifiers);
    }

    /// <summary>
    /// Parses the note and verifies it against the known keys. Signatures whose name and key ID (both)
    /// match no known key are ignored; a signature from a known key that fails refuses the whole note;
    /// at least one signature from a known key must verify.
    /// </summary>
    /// <exception cref="NoteFormatException">Malformed, an invalid or ambiguous signature, or none verifiable.</exception>
    public static VerifiedNote Open(ReadOnlySpan<byte> note, IEnumerable<NoteVerifier> verifiers)
    {
        ArgumentNullException.ThrowIfNull(verifiers);
        var parsed = Parse(note);
        var known = verifiers.ToLookup(v => (v.Name, v.KeyId));
        var textBytes = Encoding.UTF8.GetBytes(parsed.Text);

        var verified = new List<NoteSignature>();
        var unverified = new List<NoteSignature>();
        var seen = new HashSet<(string, uint)>();
        var seenUnknown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var signature in parsed.Signatures)
        {
            var id = (signature.Name, signature.KeyId);
            var candidates = known[id].ToList();
            if (candidates.Count == 0)
            {
                // Repeated identical unknown lines carry no information; keep one of each.
                if (seenUnknown.Add(signature.ToLine())) unverified.Add(signature);
                continue;
            }
            var keyText = $"{signature.Name}+{NoteKey.FormatId(signature.KeyId)}";
            if (candidates.Count > 1) throw new NoteFormatException(NoteError.AmbiguousKey, $"ambiguous key {keyText}");
            if (!seen.Add(id)) continue;
            if (!candidates[0].Verify(textBytes, signature.Signature.Span))
                throw new NoteFormatException(NoteError.InvalidSignature, $"invalid signature for key {keyText}");
            verified.Add(signature);
        }
        if (verified.Count == 0) throw new NoteFormatException(NoteError.NoVerifiableSignatures, "note has no verifiable signatures");
        return new VerifiedNote(parsed.Text, verified, unverified);
    }

    private static NoteSignature ParseSignatureLine(string line)
    {
        if (!line.StartsWith(SignaturePrefix, StringComparison.Ordinal))
            throw Malformed("signature line must start with an em dash and a space");
        var rest = line[SignaturePrefix.Length..];
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0) throw Malformed("signature line must be '— name signature'");
        var name = rest[..space];
        if (!NoteKey.IsValidName(name)) throw Malformed("signature key name must be non-empty and contain no spaces or '+'");
        if (!NoteKey.TryDecodeBase64(rest[(space + 1)..], out var bytes))
            throw Malformed("signature is not canonical base64");
        if (bytes.Length < 5) throw Malformed("signature must hold a 4-byte key ID and at least one byte");
        return new NoteSignature(name, BinaryPrimitives.ReadUInt32BigEndian(bytes), bytes.AsMemory(4));
    }

    private static void CheckCharacters(ReadOnlySpan<byte> note)
    {
        // One pass over the bytes: valid UTF-8, and no ASCII control character but newline (U+007F is not
        // below U+0020, so the spec allows it).
        while (!note.IsEmpty)
        {
            if (System.Text.Rune.DecodeFromUtf8(note, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
                throw Malformed("note is not valid UTF-8");
            if (rune.Value < 0x20 && rune.Value != '\n') throw Malformed("note contains a control character");
            note = note[consumed..];
        }
    }

    private static byte[] EncodeStrict(string text)
    {
        try
        {
            return StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException e)
        {
            throw new NoteFormatException("note is not valid Unicode (lone surrogate)", e);
        }
    }

    private static NoteFormatException Malformed(string reason) => new(NoteError.MalformedNote, $"malformed note: {reason}");
}
