namespace Pacta.Core.People;

/// <summary>Reads the algorithm (COSE label 3) out of a COSE_Key, the form a passkey's public key is stored in.</summary>
public static class CoseKey
{
    /// <summary>
    /// The COSE algorithm identifier (-7 ES256, -257 RS256, -8 EdDSA), or null when the bytes are not a small
    /// CBOR map holding it. The record carries the whole key anyway; this is a convenience for readers.
    /// </summary>
    public static int? Algorithm(ReadOnlySpan<byte> key)
    {
        // A COSE key is a CBOR map with a few entries (RFC 9052 §7); only the shapes it uses are read.
        var position = 0;
        if (!TryHead(key, ref position, out var major, out var pairs) || major != 5) return null;
        for (ulong i = 0; i < pairs; i++)
        {
            if (!TryInteger(key, ref position, out var label)) return null;
            if (label == 3) return TryInteger(key, ref position, out var algorithm) && algorithm is >= int.MinValue and <= int.MaxValue ? (int)algorithm : null;
            if (!TrySkip(key, ref position)) return null;
        }
        return null;
    }

    private static bool TryInteger(ReadOnlySpan<byte> key, ref int position, out long value)
    {
        value = 0;
        if (!TryHead(key, ref position, out var major, out var argument) || major > 1 || argument > long.MaxValue) return false;
        value = major == 0 ? (long)argument : -1 - (long)argument;
        return true;
    }

    private static bool TrySkip(ReadOnlySpan<byte> key, ref int position)
    {
        if (!TryHead(key, ref position, out var major, out var argument)) return false;
        switch (major)
        {
            case 0 or 1 or 7:
                return true;
            case 2 or 3:
                if (argument > (ulong)(key.Length - position)) return false;
                position += (int)argument;
                return true;
            default:
                return false;
        }
    }

    private static bool TryHead(ReadOnlySpan<byte> key, ref int position, out int major, out ulong argument)
    {
        major = 0;
        argument = 0;
        if (position >= key.Length) return false;
        var initial = key[position++];
        major = initial >> 5;
        var info = initial & 0x1f;
        if (info < 24)
        {
            argument = (ulong)info;
            return true;
        }
        var length = info switch { 24 => 1, 25 => 2, 26 => 4, 27 => 8, _ => 0 };
        if (length == 0 || position + length > key.Length) return false;
        for (var i = 0; i < length; i++) argument = (argument << 8) | key[position++];
        return true;
    }
}
