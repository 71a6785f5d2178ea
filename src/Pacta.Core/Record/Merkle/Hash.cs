using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Pacta.Core.Record.Merkle;

/// <summary>
/// A 32-byte SHA-256 value in an RFC 9162 Merkle tree: a leaf hash, an interior node hash or a root.
/// </summary>
/// <remarks>
/// A value type holding its bytes inline, so trees of millions of hashes are arrays of structs
/// rather than millions of small heap objects, and equality is a 32-byte compare.
/// </remarks>
public readonly struct Hash : IEquatable<Hash>
{
    /// <summary>The length of a hash in bytes.</summary>
    public const int Size = 32;

    private const int StackLimit = 1024;

    private readonly Bytes _bytes;

    /// <summary>Copies a hash from exactly <see cref="Size"/> bytes.</summary>
    /// <exception cref="ArgumentException">The span is not 32 bytes long.</exception>
    public Hash(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size) throw new ArgumentException($"A hash is {Size} bytes, not {bytes.Length}.", nameof(bytes));
        bytes.CopyTo(_bytes);
    }

    /// <summary>SHA-256 of the empty string: the root of the tree of size 0 (RFC 9162 §2.1.1).</summary>
    public static Hash Empty { get; } = Compute([]);

    /// <summary>The bytes of the hash, without copying.</summary>
    [UnscopedRef]
    public ReadOnlySpan<byte> AsSpan() => _bytes;

    /// <summary>A new array holding the 32 bytes.</summary>
    public byte[] ToArray() => AsSpan().ToArray();

    /// <summary>Reads a hash when the span is exactly 32 bytes; anything else is refused, never truncated or padded.</summary>
    public static bool TryCreate(ReadOnlySpan<byte> bytes, out Hash hash)
    {
        if (bytes.Length != Size)
        {
            hash = default;
            return false;
        }
        hash = new Hash(bytes);
        return true;
    }

    /// <summary>
    /// Parses canonical base64 of exactly 32 bytes: the encoding must re-encode to the same text,
    /// so a hash has one spelling only (no missing or extra padding, no whitespace).
    /// </summary>
    public static bool TryParseBase64(string? text, out Hash hash)
    {
        hash = default;
        // 32 bytes are always 44 characters of base64; checking first keeps the buffer small.
        if (text is null || text.Length != 44) return false;
        Span<byte> buffer = stackalloc byte[33];
        if (!Convert.TryFromBase64String(text, buffer, out var written) || written != Size) return false;
        var candidate = new Hash(buffer[..Size]);
        if (!string.Equals(candidate.ToBase64(), text, StringComparison.Ordinal)) return false;
        hash = candidate;
        return true;
    }

    /// <summary>Standard base64 with padding, as tlog-checkpoint and the JSON APIs write hashes.</summary>
    public string ToBase64() => Convert.ToBase64String(AsSpan());

    /// <summary>Lower-case hexadecimal, for logs and test messages.</summary>
    public override string ToString() => Convert.ToHexStringLower(AsSpan());

    /// <summary>The RFC 9162 leaf hash: SHA-256(0x00 || data).</summary>
    public static Hash Leaf(ReadOnlySpan<byte> data)
    {
        // One-shot SHA256.HashData over a prefixed copy is cheaper than an incremental hash for the
        // small events of the record; large inputs borrow a pooled buffer instead of the stack.
        var length = data.Length + 1;
        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            buffer[0] = 0x00;
            data.CopyTo(buffer[1..]);
            return Compute(buffer[..length]);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The RFC 9162 interior node hash: SHA-256(0x01 || left || right).</summary>
    public static Hash Node(in Hash left, in Hash right)
    {
        Span<byte> buffer = stackalloc byte[1 + 2 * Size];
        buffer[0] = 0x01;
        left.AsSpan().CopyTo(buffer[1..]);
        right.AsSpan().CopyTo(buffer[(1 + Size)..]);
        return Compute(buffer);
    }

    private static Hash Compute(ReadOnlySpan<byte> input)
    {
        Bytes bytes = default;
        SHA256.HashData(input, bytes);
        return new Hash(bytes);
    }

    private Hash(Bytes bytes) => _bytes = bytes;

    /// <inheritdoc />
    public bool Equals(Hash other) => AsSpan().SequenceEqual(other.AsSpan());

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Hash other && Equals(other);

    /// <inheritdoc />
    // SHA-256 output is uniformly distributed, so its first four bytes are as good a hash code as any.
    public override int GetHashCode() => BinaryPrimitives.ReadInt32LittleEndian(AsSpan());

    /// <summary>Byte-wise equality.</summary>
    public static bool operator ==(Hash left, Hash right) => left.Equals(right);

    /// <summary>Byte-wise inequality.</summary>
    public static bool operator !=(Hash left, Hash right) => !left.Equals(right);

    [InlineArray(Size)]
    private struct Bytes
    {
        private byte _element0;
    }
}
