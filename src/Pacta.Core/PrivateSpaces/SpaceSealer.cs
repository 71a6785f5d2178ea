using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Pacta.Core.PrivateSpaces;

/// <summary>
/// Seals and opens one party's private text and files with its 256-bit data key: AES-GCM, a random 96-bit
/// nonce per value, a 128-bit tag. Sealed bytes are <c>version ‖ nonce ‖ tag ‖ ciphertext</c>.
/// </summary>
/// <remarks>
/// The associated data binds a value to its party, its row and its field, so whoever can write the database
/// cannot move a sealed comment to another thread, a title into a body, or one party's text into another's:
/// opening it there fails like any tampering. The key never leaves memory unwrapped (see <see cref="PartySpaceKeys"/>).
/// </remarks>
public sealed class SpaceSealer : IDisposable
{
    public const byte Version = 1;
    public const int KeySize = 32;
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int Overhead = 1 + NonceSize + TagSize;

    private readonly AesGcm _aes;

    public SpaceSealer(string partyKey, ReadOnlySpan<byte> key)
    {
        ArgumentException.ThrowIfNullOrEmpty(partyKey);
        if (key.Length != KeySize) throw new ArgumentException($"A space key has {KeySize} bytes.", nameof(key));
        PartyKey = partyKey;
        _aes = new AesGcm(key, TagSize);
    }

    public string PartyKey { get; }

    public byte[] Seal(Guid itemId, string field, ReadOnlySpan<byte> plaintext)
    {
        var sealedBytes = new byte[Overhead + plaintext.Length];
        sealedBytes[0] = Version;
        var nonce = sealedBytes.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        _aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(Overhead), sealedBytes.AsSpan(1 + NonceSize, TagSize), AssociatedData(itemId, field));
        return sealedBytes;
    }

    public byte[] Seal(Guid itemId, string field, string text) => Seal(itemId, field, Encoding.UTF8.GetBytes(text));

    /// <exception cref="CryptographicException">The bytes were changed, belong to another row, field or party, or were sealed with another key.</exception>
    public byte[] Open(Guid itemId, string field, ReadOnlySpan<byte> sealedBytes)
    {
        if (sealedBytes.Length < Overhead || sealedBytes[0] != Version)
            throw new CryptographicException("The sealed value is not of a version this Pacta reads.");
        var plaintext = new byte[sealedBytes.Length - Overhead];
        _aes.Decrypt(sealedBytes.Slice(1, NonceSize), sealedBytes[Overhead..], sealedBytes.Slice(1 + NonceSize, TagSize), plaintext, AssociatedData(itemId, field));
        return plaintext;
    }

    /// <inheritdoc cref="Open(Guid, string, ReadOnlySpan{byte})"/>
    public string OpenText(Guid itemId, string field, ReadOnlySpan<byte> sealedBytes) => Encoding.UTF8.GetString(Open(itemId, field, sealedBytes));

    /// <summary>Length-prefixed parts, so that ("ab", "c") and ("a", "bc") can never make the same bytes.</summary>
    private byte[] AssociatedData(Guid itemId, string field)
    {
        var party = Encoding.UTF8.GetBytes(PartyKey);
        var name = Encoding.UTF8.GetBytes(field);
        var data = new byte[1 + 4 + party.Length + 16 + 4 + name.Length];
        var span = data.AsSpan();
        span[0] = Version;
        BinaryPrimitives.WriteInt32BigEndian(span[1..], party.Length);
        party.CopyTo(span[5..]);
        var at = 5 + party.Length;
        itemId.TryWriteBytes(span.Slice(at, 16), bigEndian: true, out _);
        at += 16;
        BinaryPrimitives.WriteInt32BigEndian(span[at..], name.Length);
        name.CopyTo(span[(at + 4)..]);
        return data;
    }

    public void Dispose() => _aes.Dispose();
}
