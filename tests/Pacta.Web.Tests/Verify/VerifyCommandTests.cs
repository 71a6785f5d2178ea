using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Pacta.Core.Record.Notes;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Verify;

/// <summary><c>pacta verify</c> against an untouched portal: it verifies, pins the key, and refuses wrong usage with exit 2.</summary>
public abstract class VerifyCommandTests(PactaApp app) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("pacta-verify-").FullName;

    public void Dispose()
    {
        Directory.Delete(directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    private string StatePath(string name = "state.json") => Path.Combine(directory, name);

    [Fact]
    public async Task SeededPortal_VerifiesOnFirstUse_PinsTheKey_AndVerifiesAgainFromTheState()
    {
        await app.PublishAsync();
        var state = StatePath();

        var first = await VerifyRun.AgainstAsync(app, "--url", "http://localhost", "--state", state);
        var second = await VerifyRun.AgainstAsync(app, "--url", "http://localhost", "--state", state);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Matches(@"^verified: [^ ]+ size 44 root [A-Za-z0-9+/]{43}=$", first.LastLine());
        Assert.Equal([first.LastLine()], first.OutputLines());
        Assert.Contains($"WARNING: trusting the key {app.VerifierKey()}", first.Error, StringComparison.Ordinal);
        var saved = JsonNode.Parse(await File.ReadAllTextAsync(state))!;
        Assert.Equal(app.VerifierKey(), (string?)saved["key"]);
        Assert.Equal(44, (long?)saved["checkpoint"]!["size"]);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(state));

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.DoesNotContain("WARNING", second.Error, StringComparison.Ordinal);
        Assert.Equal(first.LastLine(), second.LastLine());
    }

    [Fact]
    public async Task LogMode_WithTheKeyFromAFile_Verifies()
    {
        await app.PublishAsync();
        var keyFile = Path.Combine(directory, "pacta.vkey");
        await File.WriteAllTextAsync(keyFile, app.VerifierKey() + "\n");

        var result = await VerifyRun.AgainstAsync(app, "--log", "http://localhost/record", "--key", keyFile, "--state", StatePath());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("verified: ", result.LastLine(), StringComparison.Ordinal);
        // stderr is not a terminal here: no progress bar, only where the state went.
        Assert.Equal([$"pacta: state file {StatePath()} (new)"], result.ErrorLines);
    }

    [Fact]
    public async Task PinnedKeyTheServerNoLongerUses_Fails()
    {
        await app.PublishAsync();
        using var other = NoteSigner.Generate(NoteVerifier.Parse(app.VerifierKey()).Name);
        var state = StatePath();
        await File.WriteAllTextAsync(state, new JsonObject { ["key"] = other.Verifier.ToString(), ["log"] = "http://localhost/record/" }.ToJsonString());

        var result = await VerifyRun.AgainstAsync(app, "--url", "http://localhost", "--state", state);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"key: the portal now serves {app.VerifierKey()}, not the pinned key {other.Verifier}", result.OutputLines());
        Assert.Contains(result.OutputLines(), l => l.StartsWith($"checkpoint: not signed by the pinned key {other}", StringComparison.Ordinal));
        Assert.Equal("FAILED: http://localhost/record/: 2 problems", result.LastLine());
    }

    [Theory]
    [InlineData("--url", "http://localhost", "--log", "http://localhost/record")]
    [InlineData("--log", "http://localhost/record")]
    [InlineData("--url", "http://localhost", "--key", "example.org/pacta+00000000+AAAA")]
    [InlineData("--url", "ftp://localhost")]
    [InlineData()]
    public async Task WrongUsage_ExitsTwo(params string[] args)
    {
        var result = await VerifyRun.AgainstAsync(app, [.. args, "--state", StatePath()]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("pacta: ", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(StatePath()));
    }

    [Fact]
    public async Task ClosedPort_IsANetworkError_ExitTwo()
    {
        // A port that was free a moment ago: nothing listens there.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await VerifyRun.RunAsync(null, "--log", $"http://127.0.0.1:{port}/record", "--key", app.VerifierKey(), "--state", StatePath());

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"pacta: cannot read the log: http://127.0.0.1:{port}/record/checkpoint: ", result.Error, StringComparison.Ordinal);
    }
}

public sealed class VerifyCommandTestsOnSqlite(SqliteApp app) : VerifyCommandTests(app), IClassFixture<SqliteApp>;

public sealed class VerifyCommandTestsOnPostgres(PostgresApp app) : VerifyCommandTests(app), IClassFixture<PostgresApp>;
