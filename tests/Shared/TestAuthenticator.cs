using System.Security.Cryptography;
using NSec.Cryptography;
using Pacta.Core.People;

namespace Pacta.Testing;

/// <summary>
/// A passkey in software for tests: a key pair of one of the algorithms WebAuthn uses, its COSE public key, and
/// assertions made the way an authenticator and a browser make them (authenticator data, client data JSON, a
/// signature over the first and the hash of the second).
/// </summary>
public sealed class TestAuthenticator : IDisposable
{
    private readonly ECDsa? _ecdsa;
    private readonly RSA? _rsa;
    private readonly Key? _ed25519;
    private uint _signCount;

    public TestAuthenticator(int algorithm = CosePublicKey.Es256)
    {
        Algorithm = algorithm;
        CredentialId = RandomNumberGenerator.GetBytes(16);
        switch (algorithm)
        {
            case CosePublicKey.Es256:
                _ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                var p = _ecdsa.ExportParameters(false);
                PublicKey = Map((1, Int(2)), (3, Int(-7)), (-1, Int(1)), (-2, Bytes(p.Q.X!)), (-3, Bytes(p.Q.Y!)));
                break;
            case CosePublicKey.Rs256:
                _rsa = RSA.Create(2048);
                var r = _rsa.ExportParameters(false);
                PublicKey = Map((1, Int(3)), (3, Int(-257)), (-1, Bytes(r.Modulus!)), (-2, Bytes(r.Exponent!)));
                break;
            case CosePublicKey.EdDsa:
                _ed25519 = Key.Create(SignatureAlgorithm.Ed25519);
                PublicKey = Map((1, Int(1)), (3, Int(-8)), (-1, Int(6)), (-2, Bytes(_ed25519.PublicKey.Export(KeyBlobFormat.RawPublicKey))));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "ES256, RS256 or EdDSA");
        }
    }

    public int Algorithm { get; }
    public byte[] CredentialId { get; }
    public byte[] PublicKey { get; }

    /// <summary>Signs <paramref name="challenge"/> for <paramref name="relyingPartyId"/> as seen from <paramref name="origin"/>.</summary>
    /// <param name="flags">Authenticator data flags; 0x05 is user present and verified.</param>
    public WebAuthnAssertion Assert(byte[] challenge, string relyingPartyId = "localhost", string origin = "http://localhost:5080", byte flags = 0x05,
        string type = "webauthn.get") => SoftwarePasskey.Assertion(challenge, relyingPartyId, origin, ++_signCount, flags, type, Sign);

    /// <summary>The private key as PKCS#8, the form Chromium's virtual authenticator takes (<c>WebAuthn.addCredential</c>); ES256 only.</summary>
    public byte[] PrivateKeyPkcs8() => _ecdsa?.ExportPkcs8PrivateKey() ?? throw new InvalidOperationException("Only an ES256 key goes into a virtual authenticator here.");

    public byte[] Sign(byte[] data) => Algorithm switch
    {
        CosePublicKey.Es256 => _ecdsa!.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence),
        CosePublicKey.Rs256 => _rsa!.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        _ => SignatureAlgorithm.Ed25519.Sign(_ed25519!, data),
    };

    public void Dispose()
    {
        _ecdsa?.Dispose();
        _rsa?.Dispose();
        _ed25519?.Dispose();
    }

    private static byte[] Int(long value) => SoftwarePasskey.CborInteger(value);

    private static byte[] Bytes(byte[] value) => SoftwarePasskey.CborBytes(value);

    private static byte[] Map(params (long Label, byte[] Value)[] entries) => SoftwarePasskey.CoseKey(entries);
}
