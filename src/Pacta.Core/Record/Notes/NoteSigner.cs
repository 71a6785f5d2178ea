using NSec.Cryptography;

namespace Pacta.Core.Record.Notes;

/// <summary>
/// An Ed25519 note signer key: <c>PRIVATE+KEY+name+keyid+base64(0x01 || 32-byte seed)</c>, the format of
/// Go's golang.org/x/mod/sumdb/note. Holds secret material: <see cref="ToString"/> shows only the public
/// identity, and the secret text leaves only through <see cref="ToSignerKeyText"/>, for writing the key file.
/// </summary>
public sealed class NoteSigner : IDisposable
{
    private const string Prefix = "PRIVATE+KEY+";
    private readonly Key key;

    private NoteSigner(string name, Key key)
    {
        this.key = key;
        Name = name;
        Verifier = NoteVerifier.FromPublicKey(name, key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The key name.</summary>
    public string Name { get; }

    /// <summary>The key ID, the same as the verifier's.</summary>
    public uint KeyId => Verifier.KeyId;

    /// <summary>The matching verifier key, safe to publish.</summary>
    public NoteVerifier Verifier { get; }

    /// <summary>Creates a new random Ed25519 key pair named <paramref name="name"/>.</summary>
    public static NoteSigner Generate(string name)
    {
        RequireValidName(name);
        var parameters = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
        return new NoteSigner(name, Key.Create(SignatureAlgorithm.Ed25519, parameters));
    }

    /// <summary>Builds the signer for a 32-byte Ed25519 seed (RFC 8032 private key).</summary>
    public static NoteSigner FromSeed(string name, ReadOnlySpan<byte> seed)
    {
        RequireValidName(name);
        if (seed.Length != NoteKey.Ed25519KeyLength)
            throw new NoteFormatException(NoteError.MalformedKey, "an Ed25519 seed is 32 bytes");
        var parameters = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
        return new NoteSigner(name, Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey, parameters));
    }

    /// <summary>Parses signer key text; the key ID must match the one recomputed from the derived public key.</summary>
    /// <exception cref="NoteFormatException">The text is not a well-formed Ed25519 signer key. The message never quotes it.</exception>
    public static NoteSigner Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
            throw new NoteFormatException(NoteError.MalformedKey, "signer key must start with PRIVATE+KEY+");
        var parts = text[Prefix.Length..].Split('+', 3);
        if (parts.Length != 3)
            throw new NoteFormatException(NoteError.MalformedKey, "signer key must be PRIVATE+KEY+name+keyid+base64(key)");
        var (name, idText, keyText) = (parts[0], parts[1], parts[2]);
        RequireValidName(name);
        if (!NoteKey.TryParseId(idText, out var keyId))
            throw new NoteFormatException(NoteError.MalformedKey, "signer key ID must be 8 lowercase hex digits");
        if (!NoteKey.TryDecodeBase64(keyText, out var typed))
            throw new NoteFormatException(NoteError.MalformedKey, "signer key is not canonical base64");
        try
        {
            if (typed[0] != NoteKey.Ed25519Type)
                throw new NoteFormatException(NoteError.MalformedKey, "signer key has an unsupported signature type; only Ed25519 (0x01) is supported");
            if (typed.Length != 1 + NoteKey.Ed25519KeyLength)
                throw new NoteFormatException(NoteError.MalformedKey, "an Ed25519 signer key holds 0x01 and a 32-byte seed");
            var signer = FromSeed(name, typed.AsSpan(1));
            if (signer.KeyId != keyId)
            {
                signer.Dispose();
                throw new NoteFormatException(NoteError.MalformedKey, "signer key ID does not match its name and key");
            }
            return signer;
        }
        finally
        {
            // The decoded seed is secret: do not leave it for the garbage collector to find.
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(typed);
        }
    }

    /// <summary>The signature (without key ID prefix) of <paramref name="message"/>; Ed25519 is deterministic.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message) => SignatureAlgorithm.Ed25519.Sign(key, message);

    /// <summary>The secret signer key text, for the owner-only key file and nowhere else.</summary>
    public string ToSignerKeyText()
    {
        var typed = new byte[1 + NoteKey.Ed25519KeyLength];
        typed[0] = NoteKey.Ed25519Type;
        try
        {
            if (!key.TryExport(KeyBlobFormat.RawPrivateKey, typed.AsSpan(1), out var written) || written != NoteKey.Ed25519KeyLength)
                throw new InvalidOperationException("the signing key cannot be exported");
            return $"{Prefix}{Name}+{NoteKey.FormatId(KeyId)}+{Convert.ToBase64String(typed)}";
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(typed);
        }
    }

    /// <summary>The public identity only (<c>name+keyid</c>), so logging a signer never leaks the key.</summary>
    public override string ToString() => $"{Name}+{NoteKey.FormatId(KeyId)}";

    /// <inheritdoc/>
    public void Dispose() => key.Dispose();

    private static void RequireValidName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!NoteKey.IsValidName(name))
            throw new NoteFormatException(NoteError.MalformedKey, "key name must be non-empty and contain no spaces or '+'");
    }
}
