using NSec.Cryptography;

namespace Pacta.Core.Record.Notes;

/// <summary>
/// An Ed25519 note verifier key: <c>name+keyid+base64(0x01 || 32-byte public key)</c>
/// (C2SP signed-note). Only signature type 0x01 is supported: Pacta signs with nothing else.
/// </summary>
public sealed class NoteVerifier
{
    private readonly byte[] publicKey;
    private readonly PublicKey key;

    private NoteVerifier(string name, uint keyId, byte[] publicKey, PublicKey key)
    {
        Name = name;
        KeyId = keyId;
        this.publicKey = publicKey;
        this.key = key;
    }

    /// <summary>The key name, e.g. <c>example.org/pacta</c>.</summary>
    public string Name { get; }

    /// <summary>The key ID: the first four bytes of SHA-256(name || 0x0A || 0x01 || public key), big-endian.</summary>
    public uint KeyId { get; }

    /// <summary>The 32-byte Ed25519 public key.</summary>
    public ReadOnlySpan<byte> PublicKey => publicKey;

    /// <summary>Builds the verifier for a raw Ed25519 public key, computing its key ID.</summary>
    public static NoteVerifier FromPublicKey(string name, ReadOnlySpan<byte> publicKey)
    {
        if (!NoteKey.IsValidName(name))
            throw new NoteFormatException(NoteError.MalformedKey, "key name must be non-empty and contain no spaces or '+'");
        if (publicKey.Length != NoteKey.Ed25519KeyLength)
            throw new NoteFormatException(NoteError.MalformedKey, "an Ed25519 public key is 32 bytes");
        var typed = new byte[1 + publicKey.Length];
        typed[0] = NoteKey.Ed25519Type;
        publicKey.CopyTo(typed.AsSpan(1));
        return Create(name, NoteKey.ComputeId(name, NoteKey.Ed25519Type, publicKey), typed);
    }

    /// <summary>
    /// Parses verifier key text. It is split on its first two '+' only, because base64 may itself contain '+';
    /// the key ID must match the one recomputed from name and key.
    /// </summary>
    /// <exception cref="NoteFormatException">The text is not a well-formed Ed25519 verifier key.</exception>
    public static NoteVerifier Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('+', 3);
        if (parts.Length != 3)
            throw new NoteFormatException(NoteError.MalformedKey, "verifier key must be name+keyid+base64(key)");
        var (name, idText, keyText) = (parts[0], parts[1], parts[2]);
        if (!NoteKey.IsValidName(name))
            throw new NoteFormatException(NoteError.MalformedKey, "verifier key name must be non-empty and contain no spaces or '+'");
        if (!NoteKey.TryParseId(idText, out var keyId))
            throw new NoteFormatException(NoteError.MalformedKey, "verifier key ID must be 8 lowercase hex digits");
        if (!NoteKey.TryDecodeBase64(keyText, out var typed))
            throw new NoteFormatException(NoteError.MalformedKey, "verifier key is not canonical base64");
        if (typed[0] != NoteKey.Ed25519Type)
            throw new NoteFormatException(NoteError.MalformedKey, $"verifier key has unsupported signature type 0x{typed[0]:x2}; only Ed25519 (0x01) is supported");
        if (typed.Length != 1 + NoteKey.Ed25519KeyLength)
            throw new NoteFormatException(NoteError.MalformedKey, "an Ed25519 verifier key holds 0x01 and 32 bytes");
        if (NoteKey.ComputeId(name, NoteKey.Ed25519Type, typed.AsSpan(1)) != keyId)
            throw new NoteFormatException(NoteError.MalformedKey, "verifier key ID does not match its name and key");
        return Create(name, keyId, typed);
    }

    private static NoteVerifier Create(string name, uint keyId, byte[] typed)
    {
        var raw = typed[1..];
        if (!NSec.Cryptography.PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out var key) || key is null)
            throw new NoteFormatException(NoteError.MalformedKey, "not a valid Ed25519 public key");
        return new NoteVerifier(name, keyId, raw, key);
    }

    /// <summary>Whether <paramref name="signature"/> (without its key ID prefix) signs <paramref name="message"/>.</summary>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        signature.Length == NoteKey.Ed25519SignatureLength && SignatureAlgorithm.Ed25519.Verify(key, message, signature);

    /// <summary>The verifier key text, <c>name+keyid+base64(0x01 || public key)</c>.</summary>
    public override string ToString()
    {
        var typed = new byte[1 + publicKey.Length];
        typed[0] = NoteKey.Ed25519Type;
        publicKey.CopyTo(typed, 1);
        return $"{Name}+{NoteKey.FormatId(KeyId)}+{Convert.ToBase64String(typed)}";
    }
}
