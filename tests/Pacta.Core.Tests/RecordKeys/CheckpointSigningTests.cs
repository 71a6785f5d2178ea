using System.Text;
using Pacta.Core.Record.Merkle;
using Pacta.Core.Record.Notes;
using Pacta.Core.RecordKeys;

namespace Pacta.Core.Tests.RecordKeys;

public class CheckpointSigningTests
{
    private static readonly Hash Root = Hash.Leaf("pacta"u8);

    [Fact]
    public void Sign_ThenVerifyWithTheVerifierKey_GivesOriginSizeAndRoot()
    {
        using var signer = NoteSigner.Generate("example.org/pacta");

        var note = CheckpointSigning.Sign(signer, "example.org/pacta", 21, Root);
        var checkpoint = CheckpointSigning.Verify(note, NoteVerifier.Parse(signer.Verifier.ToString()));

        Assert.StartsWith($"example.org/pacta\n21\n{Convert.ToBase64String(Root.ToArray())}\n\n\u2014 example.org/pacta ", note, StringComparison.Ordinal);
        Assert.Equal("example.org/pacta", checkpoint.Origin);
        Assert.Equal(21, checkpoint.TreeSize);
        Assert.Equal(Root.ToArray(), checkpoint.RootHash.ToArray());
    }

    [Fact]
    public void Sign_EmptyTree_IsSizeZeroWithTheEmptyRoot()
    {
        using var signer = NoteSigner.Generate("example.org/pacta");

        var checkpoint = CheckpointSigning.Verify(CheckpointSigning.Sign(signer, "example.org/pacta", 0, Hash.Empty), signer.Verifier);

        Assert.Equal(0, checkpoint.TreeSize);
        Assert.Equal(Hash.Empty.ToArray(), checkpoint.RootHash.ToArray());
    }

    [Fact]
    public void Verify_CheckpointSignedByAnotherKeyOfTheSameName_IsRefused()
    {
        using var ours = NoteSigner.Generate("example.org/pacta");
        using var other = NoteSigner.Generate("example.org/pacta");
        var note = CheckpointSigning.Sign(other, "example.org/pacta", 5, Root);

        var error = Assert.Throws<NoteFormatException>(() => CheckpointSigning.Verify(note, ours.Verifier));

        Assert.False(CheckpointSigning.TryVerify(note, ours.Verifier, out var checkpoint, out var message));
        Assert.Null(checkpoint);
        Assert.Equal(error.Message, message);
    }

    [Fact]
    public void Verify_AlteredSize_IsRefused()
    {
        using var signer = NoteSigner.Generate("example.org/pacta");
        var note = CheckpointSigning.Sign(signer, "example.org/pacta", 5, Root);

        var error = Assert.Throws<NoteFormatException>(() => CheckpointSigning.Verify(note.Replace("\n5\n", "\n6\n", StringComparison.Ordinal), signer.Verifier));

        Assert.Equal(NoteError.InvalidSignature, error.Error);
    }

    [Fact]
    public void Verify_CheckpointOfAnotherOriginSignedWithTheKey_IsRefused()
    {
        using var signer = NoteSigner.Generate("example.org/pacta");
        // A note whose body names another log, signed by this log's key: not this record's head.
        var note = Encoding.UTF8.GetString(new Checkpoint("other.example/log", 5, Root.AsSpan()).Sign(signer));

        var error = Assert.Throws<NoteFormatException>(() => CheckpointSigning.Verify(note, signer.Verifier));

        Assert.Contains("other.example/log", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WithWitnessCosignatureOfAnUnknownKey_StillVerifies()
    {
        using var signer = NoteSigner.Generate("example.org/pacta");
        using var witness = NoteSigner.Generate("witness.example/w1");
        var note = Encoding.UTF8.GetString(new Checkpoint("example.org/pacta", 5, Root.AsSpan()).Sign(signer, witness));

        Assert.Equal(5, CheckpointSigning.Verify(note, signer.Verifier).TreeSize);
    }

    [Fact]
    public void Sign_OriginNotTheKeysName_IsRefused()
    {
        using var signer = NoteSigner.Generate("example.org/pacta");

        Assert.Throws<ArgumentException>(() => CheckpointSigning.Sign(signer, "other.example/pacta", 1, Root));
    }
}
