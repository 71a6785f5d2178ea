using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Pacta.Core.People;

/// <summary>
/// An ES256 passkey held in memory, making assertions the way an authenticator and a browser make them (authenticator
/// data, client data JSON, a signature over the first and the hash of the second). The fictional demo forum's
/// representatives sign their votes with one at seeding, and it is then thrown away with its private key: the demo's
/// signatures verify like any others, and nobody can make another one (docs/adr/0005-plan-stages.md, "The demo").
/// </summary>
public sealed class SoftwarePasskey : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private uint _signCount;

    public SoftwarePasskey()
    {
        CredentialId = RandomNumberGenerator.GetBytes(16);
        var point = _key.ExportParameters(false).Q;
        PublicKey = CoseKey((1, CborInteger(2)), (3, CborInteger(CosePublicKey.Es256)), (-1, CborInteger(1)), (-2, CborBytes(point.X!)), (-3, CborBytes(point.Y!)));
    }

    public byte[] CredentialId { get; }

    /// <summary>The COSE_Key, as WebAuthn stores it and the record publishes it.</summary>
    public byte[] PublicKey { get; }

    public WebAuthnAssertion Assert(byte[] challenge, string relyingPartyId, string origin) =>
        Assertion(challenge, relyingPartyId, origin, ++_signCount, 0x05, "webauthn.get",
            data => _key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

    public void Dispose() => _key.Dispose();

    /// <summary>
    /// The row Identity stores after a passkey's registration, for a key registered here: user verified, counter 0,
    /// no attestation (there is no authenticator to attest it).
    /// </summary>
    public static IdentityUserPasskey<Guid> Stored(Guid userId, byte[] credentialId, byte[] publicKey, string name, DateTimeOffset at) => new()
    {
        UserId = userId,
        CredentialId = credentialId,
        Data = new IdentityPasskeyData
        {
            PublicKey = publicKey,
            Name = name,
            CreatedAt = at,
            SignCount = 0,
            Transports = ["internal"],
            IsUserVerified = true,
            IsBackupEligible = false,
            IsBackedUp = false,
            AttestationObject = [],
            ClientDataJson = [],
        },
    };

    /// <summary>An assertion over <paramref name="challenge"/>: <paramref name="flags"/> 0x05 is user present and verified.</summary>
    public static WebAuthnAssertion Assertion(byte[] challenge, string relyingPartyId, string origin, uint count, byte flags, string type, Func<byte[], byte[]> sign)
    {
        ArgumentNullException.ThrowIfNull(sign);
        var authenticatorData = new byte[37];
        SHA256.HashData(Encoding.UTF8.GetBytes(relyingPartyId), authenticatorData);
        authenticatorData[32] = flags;
        authenticatorData[33] = (byte)(count >> 24);
        authenticatorData[34] = (byte)(count >> 16);
        authenticatorData[35] = (byte)(count >> 8);
        authenticatorData[36] = (byte)count;
        var clientData = Encoding.UTF8.GetBytes(
            $"{{\"type\":\"{type}\",\"challenge\":\"{PublicCredential.Base64Url(challenge)}\",\"origin\":\"{origin}\",\"crossOrigin\":false}}");
        return new WebAuthnAssertion(authenticatorData, clientData, sign([.. authenticatorData, .. SHA256.HashData(clientData)]));
    }

    // CBOR (RFC 8949), the few forms a COSE key needs.
    public static byte[] CborInteger(long value) => value >= 0 ? Head(0, (ulong)value) : Head(1, (ulong)(-1 - value));

    public static byte[] CborBytes(byte[] value) => [.. Head(2, (ulong)value.Length), .. value];

    public static byte[] CoseKey(params (long Label, byte[] Value)[] entries) =>
        [.. Head(5, (ulong)entries.Length), .. entries.SelectMany(e => CborInteger(e.Label).Concat(e.Value))];

    private static byte[] Head(int major, ulong argument) => argument switch
    {
        < 24 => [(byte)((major << 5) | (int)argument)],
        <= byte.MaxValue => [(byte)((major << 5) | 24), (byte)argument],
        <= ushort.MaxValue => [(byte)((major << 5) | 25), (byte)(argument >> 8), (byte)argument],
        _ => [(byte)((major << 5) | 26), (byte)(argument >> 24), (byte)(argument >> 16), (byte)(argument >> 8), (byte)argument],
    };
}
