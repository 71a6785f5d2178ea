using System.Text;
using Pacta.Core.Record.Notes;

namespace Pacta.Core.Tests.Record.Notes;

public class CheckpointTests
{
    [Fact]
    public void Sign_Checkpoint21WithTheTestKey_GivesExactlyTheBytesOfCheckpoint21()
    {
        var expected = File.ReadAllBytes(NoteVectors.TlogPath("checkpoint-21.txt"));
        using var signer = NoteSigner.Parse(File.ReadAllLines(NoteVectors.TlogPath("keys.txt"))[0]);
        var body = SignedNote.Parse(expected).Text;

        var signed = Checkpoint.Parse(body).Sign(signer);

        Assert.Equal(expected, signed);
    }

    [Fact]
    public void Open_Checkpoint21_HasOriginSizeAndRoot()
    {
        var note = File.ReadAllBytes(NoteVectors.TlogPath("checkpoint-21.txt"));
        var verifier = NoteVerifier.Parse(File.ReadAllLines(NoteVectors.TlogPath("keys.txt"))[1]);

        var checkpoint = Checkpoint.Open(note, [verifier]);

        Assert.Equal("example.org/pacta-test-log", checkpoint.Origin);
        Assert.Equal(21, checkpoint.TreeSize);
        Assert.Equal("+rj7zuFKifvfRfVysA5A246JdP743zBOE475qvPESx8=", Convert.ToBase64String(checkpoint.RootHash));
        Assert.Empty(checkpoint.Extensions);
    }

    [Fact]
    public void Open_Checkpoint21WithAnotherKey_IsRefused()
    {
        var note = File.ReadAllBytes(NoteVectors.TlogPath("checkpoint-21.txt"));
        using var other = NoteSigner.Generate("example.org/pacta-test-log");

        var error = Assert.Throws<NoteFormatException>(() => Checkpoint.Open(note, [other.Verifier]));

        Assert.Equal(NoteError.NoVerifiableSignatures, error.Error);
    }

    [Theory]
    [InlineData("example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("example.com/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n")]
    [InlineData("o\n9223372036854775807\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\nextension one\nx\n")]
    public void Parse_ValidBody_FormatsBackExactly(string body) =>
        Assert.Equal(body, Checkpoint.Parse(body).Format());

    [Theory]
    [InlineData("example.com/log\n21\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=")] // no final newline
    [InlineData("example.com/log\n21\n")] // no root line
    [InlineData("\n21\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")] // empty origin
    [InlineData("example.com/log\n021\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")] // leading zero
    [InlineData("example.com/log\n00\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("example.com/log\n+21\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")] // sign
    [InlineData("example.com/log\n-1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("example.com/log\n 21\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")] // space
    [InlineData("example.com/log\n\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")] // empty size
    [InlineData("example.com/log\n9223372036854775808\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")] // overflow
    [InlineData("example.com/log\n\u0662\u0661\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")] // non-ASCII digits
    [InlineData("example.com/log\n21\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2\n")] // 31 bytes, unpadded
    [InlineData("example.com/log\n21\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n")] // non-zero padding bits
    [InlineData("example.com/log\n21\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n")] // empty extension line
    [InlineData("example.com/log\n21\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2IA\n")] // not base64 length
    [InlineData("example.com/log\n21\nAAAA\n")] // 3 bytes
    public void Parse_MalformedBody_IsRefused(string body)
    {
        var error = Assert.Throws<NoteFormatException>(() => Checkpoint.Parse(body));

        Assert.Equal(NoteError.MalformedCheckpoint, error.Error);
    }

    [Fact]
    public void Constructor_BadValues_AreRefused()
    {
        var hash = new byte[32];

        Assert.Throws<NoteFormatException>(() => new Checkpoint("", 1, hash));
        Assert.Throws<NoteFormatException>(() => new Checkpoint("a\nb", 1, hash));
        Assert.Throws<NoteFormatException>(() => new Checkpoint("o", -1, hash));
        Assert.Throws<NoteFormatException>(() => new Checkpoint("o", 1, new byte[31]));
        Assert.Throws<NoteFormatException>(() => new Checkpoint("o", 1, hash, [""]));
        Assert.Throws<NoteFormatException>(() => new Checkpoint("o", 1, hash, ["a\nb"]));
    }

    [Fact]
    public void SignAndOpen_GeneratedKey_RoundTrips()
    {
        using var signer = NoteSigner.Generate("example.org/pacta");
        var checkpoint = new Checkpoint("example.org/pacta", 70000, Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

        var opened = Checkpoint.Open(checkpoint.Sign(signer), [signer.Verifier]);

        Assert.Equal(checkpoint.Format(), opened.Format());
        Assert.StartsWith("example.org/pacta\n70000\nAAECAwQF", Encoding.UTF8.GetString(checkpoint.Sign(signer)), StringComparison.Ordinal);
    }
}
