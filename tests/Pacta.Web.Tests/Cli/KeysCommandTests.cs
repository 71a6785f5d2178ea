using System.Runtime.Versioning;
using Pacta.Core.Record.Notes;

namespace Pacta.Web.Tests.Cli;

/// <summary>
/// <c>pacta keys init</c> and <c>pacta keys show</c>: the key file needs no database, so these run once,
/// not on each provider.
/// </summary>
// Pacta runs on Debian; the key file's Unix permissions are what is tested.
[SupportedOSPlatform("linux")]
public sealed class KeysCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pacta-keys-cli-").FullName;

    private string DataDirectory => Path.Combine(_directory, "data");
    private string KeyFile => Path.Combine(DataDirectory, "record-signing.key");

    private Dictionary<string, string?> Settings(string origin = "example.org/pacta") => new()
    {
        ["Pacta:DataDirectory"] = DataDirectory,
        ["Pacta:Record:Origin"] = origin,
    };

    [Fact]
    public async Task KeysInit_ThenKeysShow_PrintTheSameVerifierKeyOfAnOwnerOnlyFile()
    {
        var init = await PactaCommand.RunAsync(Settings(), "keys", "init");
        var show = await PactaCommand.RunAsync(Settings(), "keys", "show");

        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.True(show.ExitCode == 0, show.ToString());
        var initLines = init.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(2, initLines.Length);
        Assert.Contains(KeyFile, initLines[0], StringComparison.Ordinal);
        var verifier = NoteVerifier.Parse(initLines[1]);
        Assert.Equal("example.org/pacta", verifier.Name);
        Assert.Equal(initLines[1] + "\n", show.Output.ReplaceLineEndings("\n"));
        Assert.Equal("", show.Error);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        // The secret went to the file, and nowhere else.
        var secret = File.ReadAllText(KeyFile).TrimEnd('\n');
        Assert.StartsWith("PRIVATE+KEY+example.org/pacta+", secret, StringComparison.Ordinal);
        Assert.DoesNotContain(secret.Split('+', 5)[4], init.Output + init.Error + show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysInit_Twice_ExitsTwoAndKeepsTheFirstKey()
    {
        var first = await PactaCommand.RunAsync(Settings(), "keys", "init");
        var before = await File.ReadAllBytesAsync(KeyFile);

        var second = await PactaCommand.RunAsync(Settings(), "keys", "init");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(2, second.ExitCode);
        Assert.Equal("", second.Output);
        Assert.Equal($"pacta: a signing key already exists at {KeyFile} (it is never overwritten)", Assert.Single(second.ErrorLines));
        Assert.Equal(before, await File.ReadAllBytesAsync(KeyFile));
    }

    [Fact]
    public async Task KeysInit_KeepExisting_PrintsTheExistingVerifierKey()
    {
        var first = await PactaCommand.RunAsync(Settings(), "keys", "init");

        var again = await PactaCommand.RunAsync(Settings(), "keys", "init", "--keep-existing");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(first.Output.Split('\n')[1], again.Output.Split('\n')[1]);
    }

    [Fact]
    public async Task KeysShow_WithoutKey_ExitsTwoAndSaysToRunKeysInit()
    {
        var show = await PactaCommand.RunAsync(Settings(), "keys", "show");

        Assert.Equal(2, show.ExitCode);
        Assert.Contains("pacta keys init", show.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(KeyFile));
    }

    [Fact]
    public async Task KeysShow_GroupReadableFile_ExitsTwoAndSaysWhichChmod()
    {
        await PactaCommand.RunAsync(Settings(), "keys", "init");
        File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        var show = await PactaCommand.RunAsync(Settings(), "keys", "show");

        Assert.Equal(2, show.ExitCode);
        Assert.Contains($"chmod 600 {KeyFile}", show.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysInit_BadOrigin_ExitsTwoNamingTheSetting()
    {
        var init = await PactaCommand.RunAsync(Settings("example.org/pacta log"), "keys", "init");

        Assert.Equal(2, init.ExitCode);
        Assert.Contains("Pacta:Record:Origin", init.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(KeyFile));
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
