using Pacta.Core.Record.Notes;
using Pacta.Core.Record.Tiles;
using Pacta.Core.Verification;

namespace Pacta.Core.Tests.Verification;

/// <summary>What the verifier reads from a server or a user is parsed strictly (the record's parsers, as the verifier uses them).</summary>
public sealed class StrictParsingTests
{
    [Fact]
    public void VerifierKey_WhoseBase64HoldsPlus_IsSplitOnTheFirstTwoPlusOnly()
    {
        // Generate until the key's base64 has a '+' (about three keys in four do), so the test always shows the split.
        for (var attempt = 0; ; attempt++)
        {
            using var signer = NoteSigner.Generate("example.org/pacta");
            var text = signer.Verifier.ToString();
            if (text.Split('+').Length < 4) continue;

            var parsed = NoteVerifier.Parse(text);

            Assert.Equal("example.org/pacta", parsed.Name);
            Assert.Equal(signer.Verifier.PublicKey.ToArray(), parsed.PublicKey.ToArray());
            return;
        }
    }

    [Fact]
    public void VerifierKey_WithNonCanonicalPadding_IsRefused()
    {
        using var signer = NoteSigner.Generate("example.org/pacta");
        // 33 bytes encode to 44 characters with no padding; an extra '=' group is another spelling of the same key.
        var text = signer.Verifier.ToString();

        Assert.Throws<NoteFormatException>(() => NoteVerifier.Parse(text + "===="));
        Assert.Throws<NoteFormatException>(() => NoteVerifier.Parse(text[..^1]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void EntryBundle_ExactlyItsEntries_OrRefused(int trailing)
    {
        byte[] bundle = [0, 2, (byte)'{', (byte)'}', 0, 0, .. new byte[trailing]];
        var entries = new Range[2];

        var ok = EntryBundleFormat.TrySplit(bundle, 2, entries, out var error);

        Assert.Equal(trailing == 0, ok);
        if (ok) Assert.Equal([new Range(2, 4), new Range(6, 6)], entries);
        else Assert.Equal($"{trailing} bytes follow its 2 entries", error);
    }

    [Fact]
    public void EntryBundle_LengthBeyondTheEnd_IsRefused()
    {
        var entries = new Range[1];

        Assert.False(EntryBundleFormat.TrySplit([0, 5, 1, 2], 1, entries, out var error));
        Assert.Equal("entry 0 claims 5 bytes, only 2 follow", error);
        Assert.False(EntryBundleFormat.TrySplit([0], 1, entries, out error));
        Assert.Equal("ends after 0 entries, 1 expected", error);
    }
}
