using Pacta.Core.Record.Notes;

namespace Pacta.Core.Tests.Record.Notes;

public class NoteKeyTests
{
    public static TheoryData<string> ValidVerifierKeys() =>
    [
        NoteVectors.Valid("c2sp-example").Get("vkey"),
        NoteVectors.PeterVkey,
        NoteVectors.EnochVkey,
        NoteVectors.Root.GetProperty("cosignature_vkeys_formats").Get("type_0x01_convertible_to_cosig"),
    ];

    [Theory]
    [MemberData(nameof(ValidVerifierKeys))]
    public void VerifierParse_VectorKey_FormatsBackExactly(string vkey)
    {
        var verifier = NoteVerifier.Parse(vkey);

        Assert.Equal(vkey, verifier.ToString());
        Assert.Equal(32, verifier.PublicKey.Length);
    }

    public static TheoryData<string> MustRejectVerifierKeys() =>
        [.. NoteVectors.Root.GetProperty("vkey_parsing_go").GetProperty("must_reject").EnumerateArray()
            .Select(e => e.GetString()!)
            .Where(s => !s.StartsWith("any ", StringComparison.Ordinal))
            .Select(s => s[..s.IndexOf(' ', StringComparison.Ordinal)])];

    [Theory]
    [MemberData(nameof(MustRejectVerifierKeys))]
    public void VerifierParse_MustRejectVector_IsRefused(string vkey)
    {
        var error = Assert.Throws<NoteFormatException>(() => NoteVerifier.Parse(vkey));

        Assert.Equal(NoteError.MalformedKey, error.Error);
    }

    [Fact]
    public void VerifierParse_EveryProperSubstring_IsRefused()
    {
        var vkey = NoteVectors.PeterVkey;
        for (var start = 0; start < vkey.Length; start++)
            for (var end = start; end <= vkey.Length; end++)
            {
                if (start == 0 && end == vkey.Length) continue;
                var part = vkey[start..end];
                Assert.Throws<NoteFormatException>(() => NoteVerifier.Parse(part));
            }
    }

    [Fact]
    public void VerifierParse_EverySingleByteIncrement_IsRefused()
    {
        var vkey = NoteVectors.PeterVkey;
        for (var i = 0; i < vkey.Length; i++)
        {
            var changed = vkey[..i] + (char)(vkey[i] + 1) + vkey[(i + 1)..];
            Assert.Throws<NoteFormatException>(() => NoteVerifier.Parse(changed));
        }
    }

    [Fact]
    public void VerifierParse_CosignatureType04_IsRefusedAsUnsupported()
    {
        var vkey = NoteVectors.Root.GetProperty("cosignature_vkeys_formats").Get("type_0x04_native");

        var error = Assert.Throws<NoteFormatException>(() => NoteVerifier.Parse(vkey));

        Assert.Contains("0x04", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k")] // empty name
    [InlineData("example.com/foo+530D903A+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k")] // uppercase key ID
    [InlineData("example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k ")] // trailing space
    [InlineData("example.com/foo+530d903a+Aeky eRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k")] // space .NET's decoder skips
    [InlineData("example.com/foo+530d903a")]
    public void VerifierParse_NonCanonicalText_IsRefused(string vkey) =>
        Assert.Throws<NoteFormatException>(() => NoteVerifier.Parse(vkey));

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("a+b")]
    [InlineData("a\tb")]
    [InlineData("a\u00A0b")]
    [InlineData("a\u3000b")]
    public void Generate_InvalidName_IsRefused(string name)
    {
        var error = Assert.Throws<NoteFormatException>(() => NoteSigner.Generate(name));

        Assert.Equal(NoteError.MalformedKey, error.Error);
    }

    [Fact]
    public void SignerParse_GoPeter_HasTheVerifierOfTheVector()
    {
        using var signer = NoteSigner.Parse(NoteVectors.PeterSkey);

        Assert.Equal(NoteVectors.PeterVkey, signer.Verifier.ToString());
        Assert.Equal(NoteVectors.PeterSkey, signer.ToSignerKeyText());
    }

    [Fact]
    public void SignerParse_TlogTestKey_HasTheKeyIdAndVerifierOfKeysTxt()
    {
        var lines = File.ReadAllLines(NoteVectors.TlogPath("keys.txt"));

        using var signer = NoteSigner.Parse(lines[0]);

        Assert.Equal(0x92745de4u, signer.KeyId);
        Assert.Equal(lines[1], signer.Verifier.ToString());
        Assert.Equal(signer.KeyId, NoteVerifier.Parse(lines[1]).KeyId);
    }

    [Fact]
    public void SignerParse_KeyIdThatDoesNotMatch_IsRefusedWithoutQuotingTheKey()
    {
        var skey = NoteVectors.PeterSkey.Replace("+c74f20a3+", "+c74f20a4+", StringComparison.Ordinal);

        var error = Assert.Throws<NoteFormatException>(() => NoteSigner.Parse(skey));

        Assert.DoesNotContain(skey[^44..], error.Message, StringComparison.Ordinal);
        Assert.Contains("does not match", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")] // no PRIVATE+KEY+
    [InlineData("PRIVATE+KEY+PeterNeumann+c74f20a3+AoEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")] // type 0x02
    [InlineData("PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKD")] // short
    [InlineData("PRIVATE+KEY+Peter Neumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")]
    public void SignerParse_MalformedText_IsRefusedWithoutQuotingTheKey(string skey)
    {
        var error = Assert.Throws<NoteFormatException>(() => NoteSigner.Parse(skey));

        Assert.Equal(NoteError.MalformedKey, error.Error);
        Assert.DoesNotContain("AYEKFALV", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_NewKey_RoundTripsThroughItsTextAndNeverShowsItInToString()
    {
        using var signer = NoteSigner.Generate("example.org/pacta");
        var text = signer.ToSignerKeyText();

        using var parsed = NoteSigner.Parse(text);

        Assert.Equal(signer.Verifier.ToString(), parsed.Verifier.ToString());
        Assert.Equal($"example.org/pacta+{signer.KeyId:x8}", signer.ToString());
        Assert.DoesNotContain(text[^44..], signer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_TwoKeys_Differ()
    {
        using var first = NoteSigner.Generate("example.org/pacta");
        using var second = NoteSigner.Generate("example.org/pacta");

        Assert.NotEqual(first.Verifier.ToString(), second.Verifier.ToString());
    }
}
