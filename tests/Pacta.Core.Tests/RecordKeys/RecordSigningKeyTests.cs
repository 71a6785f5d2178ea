using System.Runtime.Versioning;
using Pacta.Core.Record.Notes;
using Pacta.Core.RecordKeys;

namespace Pacta.Core.Tests.RecordKeys;

// Pacta runs on Debian; the key file's Unix permissions are what is tested.
[SupportedOSPlatform("linux")]
public sealed class RecordSigningKeyTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly string _directory = Directory.CreateTempSubdirectory("pacta-keys-").FullName;

    private string KeyFile => Path.Combine(_directory, "data", RecordSettings.DefaultKeyFileName);

    [Fact]
    public void Create_WritesOneOwnerOnlyLineThatLoadsAsTheSameSigner()
    {
        using var created = RecordSigningKey.Create(KeyFile, "example.org/pacta");

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(KeyFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(KeyFile)!));
        var text = File.ReadAllText(KeyFile);
        Assert.StartsWith($"PRIVATE+KEY+example.org/pacta+{created.Signer.KeyId:x8}+", text, StringComparison.Ordinal);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(KeyFile)!, "*.tmp", SearchOption.AllDirectories));

        using var loaded = RecordSigningKey.Load(KeyFile);
        Assert.Equal(created.VerifierKeyText, loaded.VerifierKeyText);
        Assert.Equal(created.Signer.ToSignerKeyText(), loaded.Signer.ToSignerKeyText());
        Assert.Equal("example.org/pacta", loaded.Origin);
        Assert.Equal(created.VerifierKeyText, NoteVerifier.Parse(loaded.VerifierKeyText).ToString());
    }

    [Fact]
    public void Create_WhenAFileExists_RefusesAndLeavesItUntouched()
    {
        using (RecordSigningKey.Create(KeyFile, "example.org/pacta")) { }
        var before = File.ReadAllBytes(KeyFile);

        var error = Assert.Throws<RecordKeyException>(() => RecordSigningKey.Create(KeyFile, "example.org/pacta"));

        Assert.Equal(RecordKeyProblem.AlreadyExists, error.Problem);
        Assert.Equal($"a signing key already exists at {KeyFile} (it is never overwritten)", error.Message);
        Assert.Equal(before, File.ReadAllBytes(KeyFile));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(KeyFile)!, "*.tmp"));
    }

    [Fact]
    public void Create_OverAnyExistingFile_EvenAnEmptyOne_Refuses()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFile)!);
        File.WriteAllBytes(KeyFile, []);

        var error = Assert.Throws<RecordKeyException>(() => RecordSigningKey.Create(KeyFile, "example.org/pacta"));

        Assert.Equal(RecordKeyProblem.AlreadyExists, error.Problem);
        Assert.Empty(File.ReadAllBytes(KeyFile));
    }

    [Theory]
    [InlineData(UnixFileMode.GroupRead)]
    [InlineData(UnixFileMode.OtherRead)]
    [InlineData(UnixFileMode.GroupWrite)]
    public void Load_FileOthersMayUse_IsRefusedNamingTheFileAndTheChmod(UnixFileMode extra)
    {
        string secret;
        using (var key = RecordSigningKey.Create(KeyFile, "example.org/pacta")) secret = key.Signer.ToSignerKeyText();
        File.SetUnixFileMode(KeyFile, OwnerOnly | extra);

        var error = Assert.Throws<RecordKeyException>(() => RecordSigningKey.Load(KeyFile));

        Assert.Equal(RecordKeyProblem.NotOwnerOnly, error.Problem);
        Assert.Contains(KeyFile, error.Message, StringComparison.Ordinal);
        Assert.Contains($"chmod 600 {KeyFile}", error.Message, StringComparison.Ordinal);
        AssertNoSecret(error.Message, secret);
    }

    [Fact]
    public void Load_MissingFile_SaysToRunKeysInit()
    {
        var error = Assert.Throws<RecordKeyException>(() => RecordSigningKey.Load(KeyFile));

        Assert.Equal(RecordKeyProblem.Missing, error.Problem);
        Assert.Contains(KeyFile, error.Message, StringComparison.Ordinal);
        Assert.Contains("pacta keys init", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DamagedKey_IsRefusedWithoutQuotingIt()
    {
        string damaged;
        using (var key = RecordSigningKey.Create(KeyFile, "example.org/pacta"))
        {
            // Another key ID: the text is still a key's shape, and still secret.
            var text = key.Signer.ToSignerKeyText();
            var id = $"+{key.Signer.KeyId:x8}+";
            damaged = text.Replace(id, id == "+00000000+" ? "+00000001+" : "+00000000+", StringComparison.Ordinal);
        }
        File.WriteAllText(KeyFile, damaged + "\n");

        var error = Assert.Throws<RecordKeyException>(() => RecordSigningKey.Load(KeyFile));

        Assert.Equal(RecordKeyProblem.Malformed, error.Problem);
        Assert.Contains(KeyFile, error.Message, StringComparison.Ordinal);
        AssertNoSecret(error.Message, damaged);
    }

    [Fact]
    public void Load_TwoLines_IsRefused()
    {
        using (var key = RecordSigningKey.Create(KeyFile, "example.org/pacta"))
            File.WriteAllText(KeyFile, key.Signer.ToSignerKeyText() + "\n" + key.Signer.ToSignerKeyText() + "\n");

        var error = Assert.Throws<RecordKeyException>(() => RecordSigningKey.Load(KeyFile));

        Assert.Equal(RecordKeyProblem.Malformed, error.Problem);
    }

    [Fact]
    public void LoadOrCreate_CreatesOnceThenKeepsTheKey()
    {
        var settings = new RecordSettings(KeyFile, "example.org/pacta", OriginConfigured: false);

        using var first = RecordSigningKey.LoadOrCreate(settings, mayCreate: true, out var createdFirst);
        using var second = RecordSigningKey.LoadOrCreate(settings, mayCreate: true, out var createdSecond);

        Assert.True(createdFirst);
        Assert.False(createdSecond);
        Assert.Equal(first.VerifierKeyText, second.VerifierKeyText);
    }

    [Fact]
    public void LoadOrCreate_MissingAndNotToBeCreated_IsRefusedAndCreatesNothing()
    {
        var settings = new RecordSettings(KeyFile, "example.org/pacta", OriginConfigured: false);

        var error = Assert.Throws<RecordKeyException>(() => RecordSigningKey.LoadOrCreate(settings, mayCreate: false, out _));

        Assert.Equal(RecordKeyProblem.Missing, error.Problem);
        Assert.False(File.Exists(KeyFile));
    }

    [Fact]
    public void LoadOrCreate_ConfiguredOriginNotTheKeysName_IsRefused_DefaultOriginTakesTheKeysName()
    {
        using (RecordSigningKey.Create(KeyFile, "example.org/pacta")) { }

        var error = Assert.Throws<RecordKeyException>(() =>
            RecordSigningKey.LoadOrCreate(new RecordSettings(KeyFile, "other.example/pacta", OriginConfigured: true), mayCreate: true, out _));
        using var key = RecordSigningKey.LoadOrCreate(new RecordSettings(KeyFile, "newhostname/pacta", OriginConfigured: false), mayCreate: true, out _);

        Assert.Equal(RecordKeyProblem.OriginMismatch, error.Problem);
        Assert.Contains("Pacta:Record:Origin", error.Message, StringComparison.Ordinal);
        Assert.Equal("example.org/pacta", key.Origin);
    }

    [Fact]
    public void ToString_ShowsOnlyThePublicIdentity()
    {
        using var key = RecordSigningKey.Create(KeyFile, "example.org/pacta");

        AssertNoSecret(key.ToString(), key.Signer.ToSignerKeyText());
        Assert.Contains($"example.org/pacta+{key.Signer.KeyId:x8}", key.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Neither the key text nor its base64 part (0x01 || seed) appears in <paramref name="text"/>.</summary>
    private static void AssertNoSecret(string text, string signerKeyText)
    {
        Assert.DoesNotContain(signerKeyText, text, StringComparison.Ordinal);
        Assert.DoesNotContain(signerKeyText.Split('+', 5)[4], text, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
