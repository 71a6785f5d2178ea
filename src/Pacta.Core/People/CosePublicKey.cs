using System.Security.Cryptography;
using NSec.Cryptography;

namespace Pacta.Core.People;

/// <summary>
/// A passkey's public key read from its COSE_Key form (RFC 9052 §7, RFC 9053), the form WebAuthn stores and the
/// record publishes. Three algorithms are understood: ES256 (-7, ECDSA P-256), RS256 (-257, RSA PKCS#1 v1.5) and
/// EdDSA (-8, Ed25519); they are the ones authenticators use and the ones Identity offers.
/// </summary>
public sealed class CosePublicKey
{
    public const int Es256 = -7;
    public const int Rs256 = -257;
    public const int EdDsa = -8;

    private readonly Dictionary<long, object> _parameters;

    private CosePublicKey(int algorithm, Dictionary<long, object> parameters)
    {
        Algorithm = algorithm;
        _parameters = parameters;
    }

    /// <summary>The COSE algorithm identifier (label 3).</summary>
    public int Algorithm { get; }

    /// <summary>Reads <paramref name="key"/>; null with <paramref name="problem"/> saying why when it is not a key of a known algorithm.</summary>
    public static CosePublicKey? TryRead(ReadOnlySpan<byte> key, out string? problem)
    {
        var parameters = new Dictionary<long, object>();
        var position = 0;
        if (!Cbor.TryHead(key, ref position, out var major, out var pairs) || major != 5 || pairs > 16)
        {
            problem = "the public key is not a COSE key (a small CBOR map)";
            return null;
        }
        for (ulong i = 0; i < pairs; i++)
        {
            if (!Cbor.TryInteger(key, ref position, out var label) || !Cbor.TryValue(key, ref position, out var value))
            {
                problem = "the public key is not a COSE key (an entry cannot be read)";
                return null;
            }
            parameters[label] = value;
        }
        if (position != key.Length)
        {
            problem = "the public key has bytes after its COSE map";
            return null;
        }
        if (!parameters.TryGetValue(3, out var alg) || alg is not long algorithm)
        {
            problem = "the public key does not name its algorithm";
            return null;
        }
        problem = algorithm switch
        {
            Es256 => Check(parameters, kty: 2, crv: 1, (-2, 32), (-3, 32)),
            EdDsa => Check(parameters, kty: 1, crv: 6, (-2, 32)),
            Rs256 => parameters.TryGetValue(1, out var kty) && kty is 3L && parameters.GetValueOrDefault(-1) is byte[] { Length: >= 256 } && parameters.GetValueOrDefault(-2) is byte[] { Length: > 0 and <= 8 }
                ? null : "the RS256 key lacks its modulus (2048 bits at least) or exponent",
            _ => $"the key's algorithm {algorithm} is not one Pacta checks (ES256, RS256, EdDSA)",
        };
        return problem is null ? new CosePublicKey((int)algorithm, parameters) : null;
    }

    private static string? Check(Dictionary<long, object> parameters, long kty, long crv, params (long Label, int Length)[] coordinates)
    {
        if (parameters.GetValueOrDefault(1) is not long k || k != kty) return $"the key's type is not {kty}";
        if (parameters.GetValueOrDefault(-1) is not long c || c != crv) return $"the key's curve is not {crv}";
        foreach (var (label, length) in coordinates)
            if (parameters.GetValueOrDefault(label) is not byte[] bytes || bytes.Length != length) return $"the key's coordinate {label} is not {length} bytes";
        return null;
    }

    /// <summary>Whether <paramref name="signature"/> (in WebAuthn's encoding for the algorithm: DER for ECDSA) signs <paramref name="data"/>.</summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        switch (Algorithm)
        {
            case Es256:
                using (var ecdsa = ECDsa.Create(new ECParameters
                {
                    Curve = ECCurve.NamedCurves.nistP256,
                    Q = new ECPoint { X = (byte[])_parameters[-2], Y = (byte[])_parameters[-3] },
                }))
                {
                    return ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
                }
            case Rs256:
                using (var rsa = RSA.Create(new RSAParameters { Modulus = (byte[])_parameters[-1], Exponent = (byte[])_parameters[-2] }))
                {
                    return rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                }
            case EdDsa:
                var ed25519 = SignatureAlgorithm.Ed25519;
                return PublicKey.TryImport(ed25519, (byte[])_parameters[-2], KeyBlobFormat.RawPublicKey, out var publicKey)
                    && ed25519.Verify(publicKey!, data, signature);
            default:
                return false;
        }
    }

    /// <summary>The few CBOR forms a COSE key uses (RFC 8949): unsigned and negative integers, byte and text strings.</summary>
    internal static class Cbor
    {
        public static bool TryValue(ReadOnlySpan<byte> bytes, ref int position, out object value)
        {
            value = 0L;
            var start = position;
            if (!TryHead(bytes, ref position, out var major, out var argument)) return false;
            switch (major)
            {
                case 0 or 1:
                    position = start;
                    if (!TryInteger(bytes, ref position, out var integer)) return false;
                    value = integer;
                    return true;
                case 2 or 3:
                    if (argument > (ulong)(bytes.Length - position)) return false;
                    var content = bytes.Slice(position, (int)argument).ToArray();
                    position += (int)argument;
                    value = major == 2 ? content : System.Text.Encoding.UTF8.GetString(content);
                    return true;
                case 7 when argument is 20 or 21:
                    value = argument == 21;
                    return true;
                default:
                    return false;
            }
        }

        public static bool TryInteger(ReadOnlySpan<byte> bytes, ref int position, out long value)
        {
            value = 0;
            if (!TryHead(bytes, ref position, out var major, out var argument) || major > 1 || argument > long.MaxValue) return false;
            value = major == 0 ? (long)argument : -1 - (long)argument;
            return true;
        }

        public static bool TryHead(ReadOnlySpan<byte> bytes, ref int position, out int major, out ulong argument)
        {
            major = 0;
            argument = 0;
            if (position >= bytes.Length) return false;
            var initial = bytes[position++];
            major = initial >> 5;
            var info = initial & 0x1f;
            if (info < 24)
            {
                argument = (ulong)info;
                return true;
            }
            var length = info switch { 24 => 1, 25 => 2, 26 => 4, 27 => 8, _ => 0 };
            if (length == 0 || position + length > bytes.Length) return false;
            for (var i = 0; i < length; i++) argument = (argument << 8) | bytes[position++];
            return true;
        }
    }
}
