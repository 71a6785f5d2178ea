using System.Security.Cryptography;
using Pacta.Core.People;
using Pacta.Testing;

namespace Pacta.Core.Tests.People;

public class WebAuthnAssertionTests
{
    private static readonly byte[] Challenge = SHA256.HashData("{\"statement\":1}"u8);

    [Theory]
    [InlineData(CosePublicKey.Es256)]
    [InlineData(CosePublicKey.Rs256)]
    [InlineData(CosePublicKey.EdDsa)]
    public void Verify_AnAssertionOfTheChallenge_Holds(int algorithm)
    {
        using var authenticator = new TestAuthenticator(algorithm);
        var assertion = authenticator.Assert(Challenge);

        Assert.Null(assertion.Verify(Challenge, "localhost", null, authenticator.PublicKey));
        Assert.Equal(algorithm, CoseKey.Algorithm(authenticator.PublicKey));
    }

    [Fact]
    public void Verify_AnotherChallenge_IsRefused()
    {
        using var authenticator = new TestAuthenticator();
        var assertion = authenticator.Assert(SHA256.HashData("{\"statement\":2}"u8));

        Assert.Equal("the client data's challenge is not the hash of this statement: the passkey signed something else",
            assertion.Verify(Challenge, "localhost", null, authenticator.PublicKey));
    }

    [Fact]
    public void Verify_AnotherKey_IsRefused()
    {
        using var signer = new TestAuthenticator();
        using var other = new TestAuthenticator();
        var assertion = signer.Assert(Challenge);

        Assert.Equal("the signature does not verify with the credential's public key", assertion.Verify(Challenge, "localhost", null, other.PublicKey));
    }

    [Fact]
    public void Verify_AChangedByte_IsRefused()
    {
        using var authenticator = new TestAuthenticator();
        var assertion = authenticator.Assert(Challenge);
        assertion.Signature[^1] ^= 1;

        Assert.NotNull(assertion.Verify(Challenge, "localhost", null, authenticator.PublicKey));
    }

    [Fact]
    public void Verify_WithoutUserVerification_IsRefused()
    {
        using var authenticator = new TestAuthenticator();
        var assertion = authenticator.Assert(Challenge, flags: 0x01);

        Assert.Equal("the authenticator did not verify the person (user verification flag unset)",
            assertion.Verify(Challenge, "localhost", null, authenticator.PublicKey));
    }

    [Fact]
    public void Verify_AnotherRelyingParty_IsRefused()
    {
        using var authenticator = new TestAuthenticator();
        var assertion = authenticator.Assert(Challenge, relyingPartyId: "pacta.example", origin: "https://pacta.example");

        Assert.Equal("the authenticator data is for another relying party than localhost", assertion.Verify(Challenge, "localhost", ["https://pacta.example"], authenticator.PublicKey));
        Assert.Null(assertion.Verify(Challenge, "pacta.example", null, authenticator.PublicKey));
    }

    [Fact]
    public void Verify_ARegistrationInsteadOfAnAssertion_IsRefused()
    {
        using var authenticator = new TestAuthenticator();
        var assertion = authenticator.Assert(Challenge, type: "webauthn.create");

        Assert.Equal("the client data's type is \"webauthn.create\", not \"webauthn.get\"", assertion.Verify(Challenge, "localhost", null, authenticator.PublicKey));
    }

    [Theory]
    [InlineData("https://pacta.example", "pacta.example", true)]
    [InlineData("https://foro.pacta.example", "pacta.example", true)]
    [InlineData("https://pacta.example.evil", "pacta.example", false)]
    [InlineData("https://evilpacta.example", "pacta.example", false)]
    [InlineData("http://pacta.example", "pacta.example", false)]
    [InlineData("http://localhost:5080", "localhost", true)]
    [InlineData("https://pacta.example/path", "pacta.example", false)]
    public void OriginAllowed_WithoutAList_IsTheRelyingPartyOrItsSubdomainsOverHttps(string origin, string relyingPartyId, bool allowed) =>
        Assert.Equal(allowed, WebAuthnAssertion.OriginAllowed(origin, relyingPartyId, null));

    [Fact]
    public void Verify_AnOriginOutsideTheConfiguredList_IsRefused()
    {
        using var authenticator = new TestAuthenticator();
        var assertion = authenticator.Assert(Challenge, origin: "http://localhost:9999");

        Assert.Equal("the client data's origin \"http://localhost:9999\" is not one of the relying party localhost",
            assertion.Verify(Challenge, "localhost", ["http://localhost:5080"], authenticator.PublicKey));
    }

    [Fact]
    public void TryRead_NotACoseKey_SaysWhy()
    {
        Assert.Null(CosePublicKey.TryRead([0x01, 0x02], out var problem));
        Assert.Equal("the public key is not a COSE key (a small CBOR map)", problem);
    }
}
