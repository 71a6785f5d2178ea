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
        if (!CosePublicKey.Cbor.TryHead(key, ref position, out var major, out var pairs) || major != 5) return null;
        for (ulong i = 0; i < pairs; i++)
        {
            if (!CosePublicKey.Cbor.TryInteger(key, ref position, out var label) || !CosePublicKey.Cbor.TryValue(key, ref position, out var value)) return null;
            if (label == 3) return value is long algorithm and >= int.MinValue and <= int.MaxValue ? (int)algorithm : null;
        }
        return null;
    }
}
