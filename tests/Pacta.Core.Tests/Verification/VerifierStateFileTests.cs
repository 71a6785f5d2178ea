using System.Text;
using Pacta.Core.Record.Merkle;
using Pacta.Core.Record.Notes;
using Pacta.Core.Verification;

namespace Pacta.Core.Tests.Verification;

public sealed class VerifierStateFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("pacta-verify-state-").FullName;
    private readonly NoteSigner signer = NoteSigner.Generate("example.org/pacta");

    public void Dispose()
    {
        signer.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private VerifierState State(long size = 43)
    {
        var root = Hash.Leaf("x"u8);
        var note = Encoding.UTF8.GetString(new Checkpoint(signer.Name, size, root.AsSpan()).Sign(signer));
        return new VerifierState(signer.Verifier.ToString(), "http://127.0.0.1/record/", new VerifiedCheckpoint(size, root.ToBase64(), note, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Save_ThenLoad_RoundTrips_OwnerOnly_WithoutTemporaryFiles()
    {
        var path = Path.Combine(directory, "sub", "log.json");
        var state = State();

        VerifierStateFile.Save(path, state);
        VerifierStateFile.Save(path, state with { Checkpoint = State(44).Checkpoint });

        Assert.Equal(44, VerifierStateFile.Load(path)!.Checkpoint!.Size);
        Assert.Equal(["log.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        }
    }

    [Fact]
    public void Load_Missing_IsNull() => Assert.Null(VerifierStateFile.Load(Path.Combine(directory, "none.json")));

    [Fact]
    public void Load_SavedSizeThatTheNoteDoesNotSay_IsRefused()
    {
        var path = Path.Combine(directory, "log.json");
        var state = State();
        VerifierStateFile.Save(path, state with { Checkpoint = state.Checkpoint! with { Size = 10 } });

        var error = Assert.Throws<VerifierStateException>(() => VerifierStateFile.Load(path));

        Assert.Contains("does not open with the pinned key or disagrees", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"key\":\"nonsense\",\"log\":\"x\"}")]
    [InlineData("{\"log\":\"x\"}")]
    public void Load_NotAState_IsRefused(string json)
    {
        var path = Path.Combine(directory, "bad.json");
        File.WriteAllText(path, json);

        Assert.Throws<VerifierStateException>(() => VerifierStateFile.Load(path));
    }
}
