using System.Text;
using Pacta.Core.Record.Notes;

namespace Pacta.Core.Tests.Record.Notes;

public class SignedNoteTests
{
    private static readonly NoteVerifier Peter = NoteVerifier.Parse(NoteVectors.PeterVkey);
    private static readonly NoteVerifier Enoch = NoteVerifier.Parse(NoteVectors.EnochVkey);

    [Theory]
    [InlineData("c2sp-example")]
    [InlineData("go-peter")]
    public void Open_ValidVector_VerifiesAndReturnsTheText(string id)
    {
        var vector = NoteVectors.Valid(id);

        var note = SignedNote.Open(vector.Get("note"), [NoteVerifier.Parse(vector.Get("vkey"))]);

        Assert.Equal(vector.Get("text"), note.Text);
        Assert.Single(note.Signatures);
        Assert.Empty(note.UnverifiedSignatures);
    }

    [Fact]
    public void Sign_GoPeterText_GivesExactlyTheVectorNote()
    {
        using var signer = NoteSigner.Parse(NoteVectors.PeterSkey);

        var note = SignedNote.Sign(NoteVectors.PeterText, signer);

        Assert.Equal(NoteVectors.Valid("go-peter").Get("note"), Encoding.UTF8.GetString(note));
    }

    [Fact]
    public void Open_PeterAndEnochWithPeterKnown_OneVerifiedOneUnverified()
    {
        var text = NoteVectors.PeterText + "\n" + NoteVectors.PeterSig + NoteVectors.EnochSig;

        var note = SignedNote.Open(text, [Peter]);

        Assert.Equal("PeterNeumann", Assert.Single(note.Signatures).Name);
        var unverified = Assert.Single(note.UnverifiedSignatures);
        Assert.Equal(("EnochRoot", 0xaf0cfe78u), (unverified.Name, unverified.KeyId));
    }

    [Fact]
    public void Open_PeterAndEnochBothKnown_BothVerified()
    {
        var text = NoteVectors.PeterText + "\n" + NoteVectors.PeterSig + NoteVectors.EnochSig;

        var note = SignedNote.Open(text, [Peter, Enoch]);

        Assert.Equal(2, note.Signatures.Count);
    }

    [Fact]
    public void Open_NoKnownVerifiers_IsRefusedAsUnverifiable()
    {
        var text = NoteVectors.PeterText + "\n" + NoteVectors.PeterSig + NoteVectors.EnochSig;

        var error = Assert.Throws<NoteFormatException>(() => SignedNote.Open(text, []));

        Assert.Equal(NoteError.NoVerifiableSignatures, error.Error);
        Assert.Equal("note has no verifiable signatures", error.Message);
    }

    /// <summary>The eight cases of malformed_notes_go, built as that section describes them, in order.</summary>
    public static TheoryData<int> MalformedGoCases() => [.. Enumerable.Range(0, 8)];

    private static byte[] MalformedGoCase(int index)
    {
        var text = NoteVectors.PeterText;
        var sig = NoteVectors.PeterSig;
        return index switch
        {
            0 => Encoding.UTF8.GetBytes(text),
            1 => Encoding.UTF8.GetBytes(text + "\n"),
            2 => Encoding.UTF8.GetBytes(text + "\n" + sig[..^1]),
            3 => Encoding.UTF8.GetBytes("\u0001" + text + "\n" + sig),
            4 => [0xff, .. Encoding.UTF8.GetBytes(text + "\n" + sig)],
            5 => Encoding.UTF8.GetBytes(text + "\n" + "\u2014 Bad Name " + sig[(sig.IndexOf(' ', 2) + 1)..]),
            6 => Encoding.UTF8.GetBytes(text + "\n" + sig + "Unexpected line.\n"),
            7 => Encoding.UTF8.GetBytes(text + "\n" + string.Concat(Enumerable.Repeat(sig, 101))),
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };
    }

    [Fact]
    public void MalformedGoCases_MatchTheVectorFile_EightCases() =>
        Assert.Equal(8, NoteVectors.Root.GetProperty("malformed_notes_go").GetProperty("cases").GetArrayLength());

    [Theory]
    [MemberData(nameof(MalformedGoCases))]
    public void Open_MalformedGoCase_IsRefusedAsMalformed(int index)
    {
        var note = MalformedGoCase(index);

        var error = Assert.Throws<NoteFormatException>(() => SignedNote.Open(note, [Peter]));

        Assert.Equal(NoteError.MalformedNote, error.Error);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(100)]
    public void Open_ManySignatures_AcceptedUpToTheLimit(int count)
    {
        var text = NoteVectors.PeterText + "\n" + string.Concat(Enumerable.Repeat(NoteVectors.PeterSig, count));

        var note = SignedNote.Open(text, [Peter]);

        Assert.Single(note.Signatures); // identical lines are one signature
    }

    [Fact]
    public void Open_KnownKeyBadSignature_RefusesTheWholeNote()
    {
        var sig = NoteVectors.PeterSig;
        var bytes = Convert.FromBase64String(sig[(sig.IndexOf(' ', 2) + 1)..^1]);
        bytes[10] ^= 1;
        var text = NoteVectors.PeterText + "\n" + NoteVectors.EnochSig + $"\u2014 PeterNeumann {Convert.ToBase64String(bytes)}\n";

        var error = Assert.Throws<NoteFormatException>(() => SignedNote.Open(text, [Peter, Enoch]));

        Assert.Equal(NoteError.InvalidSignature, error.Error);
        Assert.Equal("invalid signature for key PeterNeumann+c74f20a3", error.Message);
    }

    [Fact]
    public void Open_TwoVerifiersWithTheSameNameAndId_IsAmbiguous()
    {
        var text = NoteVectors.PeterText + "\n" + NoteVectors.PeterSig + NoteVectors.EnochSig;

        var error = Assert.Throws<NoteFormatException>(() => SignedNote.Open(text, [Peter, Enoch, NoteVerifier.Parse(NoteVectors.EnochVkey)]));

        Assert.Equal(NoteError.AmbiguousKey, error.Error);
        Assert.Equal("ambiguous key EnochRoot+af0cfe78", error.Message);
    }

    [Theory]
    [InlineData("PeterNeumann", 0xc74f20a4u)] // known name, other ID
    [InlineData("PeterNeumann2", 0xc74f20a3u)] // other name, known ID
    public void Open_SignatureSharingOnlyNameOrIdWithAKnownKey_IsIgnored(string name, uint keyId)
    {
        var impostor = new NoteSignature(name, keyId, new byte[64]).ToLine();
        var text = NoteVectors.PeterText + "\n" + impostor + NoteVectors.PeterSig;

        var note = SignedNote.Open(text, [Peter]);

        Assert.Single(note.Signatures);
        Assert.Equal(name, Assert.Single(note.UnverifiedSignatures).Name);
    }

    [Fact]
    public void Open_C2spCosignatureFromUnknownWitness_IsIgnored()
    {
        var cosig = NoteVectors.Root.GetProperty("c2sp_cosignature_example").Get("cosig_line") + "\n";
        var note = NoteVectors.Valid("go-peter").Get("note") + cosig;

        var opened = SignedNote.Open(note, [Peter]);

        var unverified = Assert.Single(opened.UnverifiedSignatures);
        Assert.Equal(0x8d66cf3fu, unverified.KeyId);
        Assert.Equal(72, unverified.Signature.Length); // 8-byte timestamp + 64-byte signature
    }

    public static TheoryData<string> OtherMalformedNotes()
    {
        var text = NoteVectors.PeterText;
        var sig = NoteVectors.PeterSig;
        var b64 = sig[(sig.IndexOf(' ', 2) + 1)..^1];
        return
        [
            text.Replace("\n", "\r\n", StringComparison.Ordinal) + "\n" + sig, // CR is a control character
            "\t" + text + "\n" + sig,
            text + "\n" + "- PeterNeumann " + b64 + "\n", // hyphen, not em dash
            text + "\n" + "\u2014PeterNeumann " + b64 + "\n", // no space after the dash
            text + "\n" + "\u2014 PeterNeumann  " + b64 + "\n", // two spaces
            text + "\n" + "\u2014 PeterNeumann " + b64 + " \n", // trailing space
            text + "\n" + "\u2014 PeterNeumann " + b64.TrimEnd('=') + "\n", // padding dropped
            text + "\n" + "\u2014 Peter+Neumann " + b64 + "\n",
            text + "\n" + "\u2014  " + b64 + "\n", // empty name
            text + "\n" + "\u2014 PeterNeumann " + "\n", // empty signature
            text + "\n" + "\u2014 PeterNeumann AAAAAA==\n", // 4 bytes: a key ID and no signature
            text + "\n" + sig + "\n", // blank line after the signatures
        ];
    }

    [Theory]
    [MemberData(nameof(OtherMalformedNotes))]
    public void Open_OtherMalformedNote_IsRefusedAsMalformed(string note)
    {
        var error = Assert.Throws<NoteFormatException>(() => SignedNote.Open(note, [Peter]));

        Assert.Equal(NoteError.MalformedNote, error.Error);
    }

    [Fact]
    public void Open_LargerThanTheSizeLimit_IsRefusedAsMalformed()
    {
        var text = new string('a', SignedNote.MaxNoteBytes) + "\n";
        var note = text + "\n" + NoteVectors.PeterSig;

        var error = Assert.Throws<NoteFormatException>(() => SignedNote.Open(note, [Peter]));

        Assert.Equal(NoteError.MalformedNote, error.Error);
    }

    [Fact]
    public void Open_TextWithBlankLinesAndNonAsciiCharacters_SplitsAtTheLastBlankLine()
    {
        using var signer = NoteSigner.Generate("example.org/pacta");
        const string text = "Ognuno sta solo\n\ned \u00e8 subito sera \u2014 \U0001F30D\n\n";

        var note = SignedNote.Open(SignedNote.Sign(text, signer), [signer.Verifier]);

        Assert.Equal(text, note.Text);
    }

    [Theory]
    [InlineData("no final newline")]
    [InlineData("bell \a\n")]
    [InlineData("")]
    public void Sign_TextNotAllowed_IsRefused(string text)
    {
        using var signer = NoteSigner.Generate("example.org/pacta");

        Assert.Throws<NoteFormatException>(() => SignedNote.Sign(text, signer));
    }

    [Fact]
    public void Sign_LoneSurrogate_IsRefused()
    {
        using var signer = NoteSigner.Generate("example.org/pacta");

        Assert.Throws<NoteFormatException>(() => SignedNote.Sign("a\uD800\n", signer));
    }

    [Fact]
    public void Open_SignedByOtherKeyWithTheSameName_IsUnverifiable()
    {
        using var signer = NoteSigner.Generate("PeterNeumann");

        var error = Assert.Throws<NoteFormatException>(() => SignedNote.Open(SignedNote.Sign(NoteVectors.PeterText, signer), [Peter]));

        Assert.Equal(NoteError.NoVerifiableSignatures, error.Error);
    }
}
