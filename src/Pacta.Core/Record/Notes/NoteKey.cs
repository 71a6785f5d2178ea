using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pacta.Core.Record.Notes;

/// <summary>Rules shared by signer and verifier keys and by signature lines (C2SP signed-note).</summary>
internal static class NoteKey
{
    /// <summary>Signature type byte for plain Ed25519 note signatures.</summary>
    public const byte Ed25519Type = 0x01;

    public const int Ed25519KeyLength = 32;
    public const int Ed25519SignatureLength = 64;

    /// <summary>Key names are non-empty, valid Unicode, and hold no Unicode space and no '+'.</summary>
    public static bool IsValidName(string name)
    {
        // EnumerateRunes would turn a lone surrogate into U+FFFD silently, so those are refused first.
        if (name.Length == 0 || HasLoneSurrogate(name)) return false;
        foreach (var rune in name.EnumerateRunes())
            if (rune == new Rune('+') || Rune.IsWhiteSpace(rune)) return false;
        return true;
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(text[i])) return true;
        }
        return false;
    }

    /// <summary>key ID = SHA-256(name || 0x0A || type || public key)[:4], big-endian.</summary>
    public static uint ComputeId(string name, byte type, ReadOnlySpan<byte> publicKey)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[nameBytes.Length + 2 + publicKey.Length];
        nameBytes.CopyTo(input, 0);
        input[nameBytes.Length] = 0x0A;
        input[nameBytes.Length + 1] = type;
        publicKey.CopyTo(input.AsSpan(nameBytes.Length + 2));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }

    public static string FormatId(uint keyId) => keyId.ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>Exactly eight lowercase hex digits: the canonical spelling, so one key has one text.</summary>
    public static bool TryParseId(string text, out uint keyId)
    {
        keyId = 0;
        if (text.Length != 8) return false;
        foreach (var c in text)
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f')) return false;
        return uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out keyId);
    }

    /// <summary>
    /// Standard base64 (RFC 4648 §4) in its one canonical spelling: .NET's decoder skips whitespace and
    /// accepts non-zero padding bits, so the decoded bytes are re-encoded and compared.
    /// </summary>
    public static bool TryDecodeBase64(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || text.Length % 4 != 0) return false;
        var buffer = new byte[text.Length / 4 * 3];
        if (!Convert.TryFromBase64String(text, buffer, out var written)) return false;
        var decoded = buffer[..written];
        if (!string.Equals(Convert.ToBase64String(decoded), text, StringComparison.Ordinal)) return false;
        bytes = decoded;
        return true;
    }
}
