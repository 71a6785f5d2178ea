using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Core.RecordKeys;

namespace Pacta.Web.Tests.Startup;

/// <summary>The record's signing key at start: a file beside the database, never in it.</summary>
// Pacta runs on Debian; the key file's Unix permissions are part of what is tested.
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RecordKeyStartupTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"pacta-record-key-{Guid.NewGuid():N}", "data");

    private string KeyFile => Path.Combine(_dataDirectory, "record-signing.key");

    private sealed class ConfiguredApp(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }

    [Fact]
    public async Task FirstStart_OnSqlite_CreatesOwnerOnlyKeyFileAndTheDatabaseHoldsNoKeyMaterial()
    {
        string verifierKey;
        await using (var app = new ConfiguredApp(new Dictionary<string, string?> { ["Pacta:DataDirectory"] = _dataDirectory }))
        {
            verifierKey = app.Services.GetRequiredService<RecordSigningKey>().VerifierKeyText;
        }
        SqliteConnection.ClearAllPools();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        using var key = RecordSigningKey.Load(KeyFile);
        Assert.Equal(verifierKey, key.VerifierKeyText);
        var keyText = key.Signer.ToSignerKeyText();
        var typed = Convert.FromBase64String(keyText.Split('+', 5)[4]);
        var seed = typed[1..];
        // The database and its write-ahead log, whatever has not been checkpointed into the main file yet.
        var databaseFiles = Directory.GetFiles(_dataDirectory, "pacta.db*");
        Assert.Contains(Path.Combine(_dataDirectory, "pacta.db"), databaseFiles);
        foreach (var file in databaseFiles)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.True(bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(keyText)) < 0, $"{file} holds the signer key text");
            Assert.True(bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Convert.ToBase64String(typed))) < 0, $"{file} holds the key's base64");
            Assert.True(bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Convert.ToBase64String(seed))) < 0, $"{file} holds the seed's base64");
            Assert.True(bytes.AsSpan().IndexOf(seed) < 0, $"{file} holds the seed");
        }
    }

    [Fact]
    public async Task SecondStart_KeepsTheKey()
    {
        var settings = new Dictionary<string, string?> { ["Pacta:DataDirectory"] = _dataDirectory };
        string first;
        await using (var app = new ConfiguredApp(settings)) first = app.Services.GetRequiredService<RecordSigningKey>().VerifierKeyText;
        var before = await File.ReadAllBytesAsync(KeyFile);

        await using (var app = new ConfiguredApp(settings))
            Assert.Equal(first, app.Services.GetRequiredService<RecordSigningKey>().VerifierKeyText);

        Assert.Equal(before, await File.ReadAllBytesAsync(KeyFile));
    }

    [Fact]
    public async Task Start_WithGroupReadableKeyFile_RefusesNamingTheFileAndTheChmod()
    {
        var settings = new Dictionary<string, string?> { ["Pacta:DataDirectory"] = _dataDirectory };
        await using (var app = new ConfiguredApp(settings)) _ = app.Services;
        File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        await using var again = new ConfiguredApp(settings);
        var error = Assert.Throws<InvalidOperationException>(() => again.Services);

        Assert.Contains($"chmod 600 {KeyFile}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithCreateKeyAtStartOff_AndNoKey_RefusesAndSaysToRunKeysInit()
    {
        await using var app = new ConfiguredApp(new Dictionary<string, string?>
        {
            ["Pacta:DataDirectory"] = _dataDirectory,
            ["Pacta:Record:CreateKeyAtStart"] = "false",
        });

        var error = Assert.Throws<InvalidOperationException>(() => app.Services);

        Assert.Contains("pacta keys init", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(KeyFile));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path.GetDirectoryName(_dataDirectory)!, recursive: true); } catch (IOException) { }
    }
}
