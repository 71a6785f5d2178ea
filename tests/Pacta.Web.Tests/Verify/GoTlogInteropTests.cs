using System.Diagnostics;
using System.Net;

namespace Pacta.Web.Tests.Verify;

/// <summary>
/// A log written by Go's golang.org/x/mod/sumdb/tlog and signed with sumdb/note (tests/interop/tlogwrite), built
/// and run once, offline from the Debian packages. Fails loudly without Go: interop is part of the record's promise.
/// </summary>
public sealed class GoTlogLog : IDisposable
{
    private readonly string work = System.IO.Directory.CreateTempSubdirectory("pacta-go-tlog-").FullName;

    public GoTlogLog()
    {
        Directory = Path.Combine(work, "log");
        System.IO.Directory.CreateDirectory(Directory);
        var (exit, outputBytes, error) = GoTool.Run("go", ["run", RepositoryFiles.Path("tests", "interop", "tlogwrite", "main.go"), Directory]);
        if (exit != 0)
            throw new InvalidOperationException($"Cannot run the Go tlog writer (apt-get install golang-go golang-golang-x-mod-dev): {error}");
        VerifierKey = System.Text.Encoding.UTF8.GetString(outputBytes).Trim();
    }

    /// <summary>The log's files: checkpoint, tile/..., tile/entries/....</summary>
    public string Directory { get; }

    public string VerifierKey { get; }

    public string StatePath(string name) => Path.Combine(work, name);

    public void Dispose() => System.IO.Directory.Delete(work, recursive: true);
}

/// <summary>Serves a directory as a static file server would: a file's bytes, or 404. Records what was asked.</summary>
internal sealed class DirectoryHandler(string root, string prefix) : HttpMessageHandler
{
    public List<string> Requested { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        lock (Requested) Requested.Add(path);
        var file = path.StartsWith(prefix, StringComparison.Ordinal) ? Path.Combine(root, path[prefix.Length..]) : null;
        return Task.FromResult(file is not null && File.Exists(file)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(File.ReadAllBytes(file)) }
            : new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}

public sealed class GoTlogInteropTests(GoTlogLog log) : IClassFixture<GoTlogLog>
{
    [Fact]
    public async Task LogWrittenByGo_Verifies_ReadingTheFullTileWhereThePartialIsGone_AndAFlippedByteFails()
    {
        var handler = new DirectoryHandler(log.Directory, "/tlog/");
        var state = log.StatePath("state.json");

        var result = await VerifyRun.RunAsync(handler, "--log", "http://log.example/tlog", "--key", log.VerifierKey, "--state", state);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches("^verified: example.com/tlog-interop size 300 root ", result.LastLine());
        Assert.Contains("/tlog/tile/0/001.p/44", handler.Requested);
        Assert.Contains("/tlog/tile/0/001", handler.Requested);
        Assert.Contains("/tlog/tile/entries/001", handler.Requested);
        Assert.Contains("/tlog/tile/1/000.p/1", handler.Requested);

        // The first byte of entry 0's text ("go entry 0 ...") in the first bundle, after its two length bytes.
        var bundle = Path.Combine(log.Directory, "tile", "entries", "000");
        var bytes = await File.ReadAllBytesAsync(bundle);
        bytes[2] ^= 0x20;
        await File.WriteAllBytesAsync(bundle, bytes);
        try
        {
            var flipped = await VerifyRun.RunAsync(new DirectoryHandler(log.Directory, "/tlog/"),
                "--log", "http://log.example/tlog", "--key", log.VerifierKey, "--state", state);

            Assert.True(flipped.ExitCode == 1, flipped.ToString());
            Assert.Equal("entry 0: its bytes do not hash to leaf 0 of tile/0/000", flipped.OutputLines()[0]);
            Assert.Matches("^FAILED: example.com/tlog-interop size 300: [0-9]+ problems$", flipped.LastLine());
        }
        finally
        {
            bytes[2] ^= 0x20;
            await File.WriteAllBytesAsync(bundle, bytes);
        }
    }
}
