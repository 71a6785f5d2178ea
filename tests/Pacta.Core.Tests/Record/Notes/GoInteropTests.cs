using System.Diagnostics;
using System.Text;
using Pacta.Core.Record.Notes;

namespace Pacta.Core.Tests.Record.Notes;

/// <summary>
/// Builds tests/interop/notes (Go's golang.org/x/mod/sumdb/note) once, offline from the Debian packages.
/// Fails loudly without Go, like the PostgreSQL and Chromium tests: interop is part of the record's promise.
/// </summary>
public sealed class GoNotesTool : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("pacta-go-notes-").FullName;

    public GoNotesTool()
    {
        Executable = Path.Combine(directory, "notes");
        var (exit, _, error) = GoTool.Run("go", ["build", "-o", Executable, RepositoryFiles.Path("tests", "interop", "notes", "main.go")]);
        if (exit != 0)
            throw new InvalidOperationException(
                $"Cannot build the Go interop tool (apt-get install golang-go golang-golang-x-mod-dev): {error}");
    }

    public string Executable { get; }

    public string TempFile(string name, byte[] contents)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, contents);
        return path;
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}

public class GoInteropTests(GoNotesTool go) : IClassFixture<GoNotesTool>
{
    private const string Text = "example.org/pacta\n70000\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n\nsecond paragraph \u2014 \u00e8 \U0001F30D\n";

    [Fact]
    public void GoOpen_NoteSignedByPacta_VerifiesAndGivesTheText()
    {
        using var signer = NoteSigner.Generate("example.org/pacta");
        var note = go.TempFile("pacta.note", SignedNote.Sign(Text, signer));

        var (exit, output, error) = GoTool.Run(go.Executable, ["verify", signer.Verifier.ToString(), note]);

        Assert.True(exit == 0, error);
        Assert.Equal(Text, Encoding.UTF8.GetString(output));
    }

    [Fact]
    public void GoOpen_PactaNoteWithOneTextByteChanged_IsRefused()
    {
        using var signer = NoteSigner.Generate("example.org/pacta");
        var bytes = SignedNote.Sign(Text, signer);
        bytes[20] ^= 1;
        var note = go.TempFile("tampered.note", bytes);

        var (exit, _, error) = GoTool.Run(go.Executable, ["verify", signer.Verifier.ToString(), note]);

        Assert.Equal(1, exit);
        Assert.Contains("invalid signature", error, StringComparison.Ordinal);
    }

    [Fact]
    public void GoSign_WithAPactaKey_GivesTheBytesPactaSignsAndPactaOpens()
    {
        using var signer = NoteSigner.Generate("example.org/pacta");
        var keyFile = go.TempFile("signer.key", Encoding.UTF8.GetBytes(signer.ToSignerKeyText()));
        var textFile = go.TempFile("text.txt", Encoding.UTF8.GetBytes(Text));

        var (exit, output, error) = GoTool.Run(go.Executable, ["sign", keyFile, textFile]);
        File.Delete(keyFile);

        Assert.True(exit == 0, error);
        Assert.Equal(SignedNote.Sign(Text, signer), output);
        Assert.Equal(Text, SignedNote.Open(output, [signer.Verifier]).Text);
    }
}
