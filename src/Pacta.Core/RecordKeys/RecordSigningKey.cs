using System.Security.Cryptography;
using System.Text;
using Pacta.Core.Record.Notes;

namespace Pacta.Core.RecordKeys;

/// <summary>
/// The record's Ed25519 signing key, kept in a file outside the database: one line, the signer key text
/// <c>PRIVATE+KEY+origin+keyid+base64</c> (the format of Go's golang.org/x/mod/sumdb/note, so the file
/// can be used by its tools as is). The verifier key, safe to publish, is derived from it.
/// </summary>
/// <remarks>
/// The file is what lets the server sign checkpoints; a copy of the database alone must not be able to
/// (docs/adr/0002-record-storage.md). So it is owner-only (0600), created atomically and never overwritten
/// (a replaced key would silently start a new log identity), and a file others may read is refused.
/// Messages name the file, never its content; <see cref="ToString"/> shows only the public identity.
/// </remarks>
public sealed class RecordSigningKey : IDisposable
{
    /// <summary>A signer key line is about 100 bytes; a bigger file is not a key file, and is not read whole.</summary>
    private const int MaxFileBytes = 4096;

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private RecordSigningKey(string file, NoteSigner signer)
    {
        FilePath = file;
        Signer = signer;
    }

    /// <summary>The key file's full path.</summary>
    public string FilePath { get; }

    /// <summary>Signs checkpoints; its name is the record's origin.</summary>
    public NoteSigner Signer { get; }

    /// <summary>The record's origin: the key's name.</summary>
    public string Origin => Signer.Name;

    /// <summary>The verifier key, published for everybody to pin.</summary>
    public NoteVerifier Verifier => Signer.Verifier;

    /// <summary>The verifier key text, <c>name+keyid+base64</c>.</summary>
    public string VerifierKeyText => Verifier.ToString();

    /// <summary>
    /// Generates a key named <paramref name="origin"/> and writes it to <paramref name="file"/>, owner-only.
    /// The file appears complete or not at all: it is written and flushed under a temporary name in the same
    /// directory, then linked to its name, which fails if the name exists (no check-then-write race).
    /// A missing directory is created owner-only.
    /// </summary>
    /// <exception cref="RecordKeyException">A file is already there (<see cref="RecordKeyProblem.AlreadyExists"/>).</exception>
    public static RecordSigningKey Create(string file, string origin)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(origin);
        if (RecordSettings.OriginProblem(origin) is { } problem) throw new ArgumentException(problem, nameof(origin));
        file = Path.GetFullPath(file);
        if (File.Exists(file)) throw Exists(file);

        var directory = Path.GetDirectoryName(file)!;
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(directory);
            else Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var signer = NoteSigner.Generate(origin);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(file)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            // The mode is given at creation (open(2) with O_EXCL and 0600), so the secret is never readable by others, not even for a moment.
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly;
            var bytes = Encoding.ASCII.GetBytes(signer.ToSignerKeyText() + "\n");
            try
            {
                using var stream = new FileStream(temporary, options);
                stream.Write(bytes);
                // On disk before the name points at it: a crash must not leave an empty key file behind the name.
                stream.Flush(flushToDisk: true);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(bytes);
            }
            try
            {
                // Without overwrite, .NET links the new name (link(2) fails if the name exists): atomic, never replaces a key.
                File.Move(temporary, file, overwrite: false);
            }
            catch (IOException) when (File.Exists(file))
            {
                throw Exists(file);
            }
            return new RecordSigningKey(file, signer);
        }
        catch
        {
            signer.Dispose();
            throw;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Reads the key file, refusing one that group or others may use or that does not hold one signer key.</summary>
    /// <exception cref="RecordKeyException">Missing, not owner-only, or malformed; the message names the file and the fix.</exception>
    public static RecordSigningKey Load(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        file = Path.GetFullPath(file);
        if (!File.Exists(file))
            throw new RecordKeyException(RecordKeyProblem.Missing, file,
                $"there is no record signing key at {file}: run `pacta keys init` (or restore the key file from its backup)");
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & GroupOrOther) != 0)
            throw new RecordKeyException(RecordKeyProblem.NotOwnerOnly, file,
                $"the record signing key {file} may be used by group or others (mode {Octal(File.GetUnixFileMode(file))}); it must be owner-only: run `chmod 600 {file}`");

        byte[] bytes;
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            if (stream.Length > MaxFileBytes)
                throw Malformed(file, $"it is {stream.Length} bytes, far more than one key");
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        try
        {
            string text;
            try
            {
                text = StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                throw Malformed(file, "it is not UTF-8 text");
            }
            // One line; the final newline is optional, so a key written by another tool (Go's note.GenerateKey) loads too.
            var line = text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2] : text.EndsWith('\n') ? text[..^1] : text;
            if (line.Contains('\n', StringComparison.Ordinal)) throw Malformed(file, "it must hold exactly one line, the signer key");
            try
            {
                return new RecordSigningKey(file, NoteSigner.Parse(line));
            }
            catch (NoteFormatException e)
            {
                // NoteSigner.Parse never quotes the key in its messages, so its reason can be passed on.
                throw Malformed(file, e.Message);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>
    /// The key for <paramref name="settings"/>: the existing file, or a new one when there is none and
    /// <paramref name="mayCreate"/>. A configured origin must be the key's name.
    /// </summary>
    /// <exception cref="RecordKeyException">Missing and not to be created, unusable, or for another origin.</exception>
    public static RecordSigningKey LoadOrCreate(RecordSettings settings, bool mayCreate, out bool created)
    {
        ArgumentNullException.ThrowIfNull(settings);
        created = false;
        if (!File.Exists(settings.KeyFile) && mayCreate)
        {
            try
            {
                var key = Create(settings.KeyFile, settings.Origin);
                created = true;
                return key;
            }
            catch (RecordKeyException e) when (e.Problem == RecordKeyProblem.AlreadyExists)
            {
                // Another process created it between the check and the link: keep theirs.
            }
        }
        var loaded = Load(settings.KeyFile);
        try
        {
            RequireOrigin(loaded, settings);
            return loaded;
        }
        catch
        {
            loaded.Dispose();
            throw;
        }
    }

    /// <summary>Refuses a key whose name is not the configured origin; an unconfigured origin takes the key's name.</summary>
    /// <exception cref="RecordKeyException">The names differ.</exception>
    public static void RequireOrigin(RecordSigningKey key, RecordSettings settings)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.OriginConfigured && !string.Equals(key.Origin, settings.Origin, StringComparison.Ordinal))
            throw new RecordKeyException(RecordKeyProblem.OriginMismatch, key.FilePath,
                $"the record signing key {key.FilePath} is for origin '{key.Origin}', but {RecordSettings.OriginSetting} is '{settings.Origin}': " +
                $"a log's origin does not change; remove the setting or set it to '{key.Origin}'");
    }

    /// <summary>The public identity and the file, never the key.</summary>
    public override string ToString() => $"{Signer} ({FilePath})";

    /// <inheritdoc/>
    public void Dispose() => Signer.Dispose();

    private static RecordKeyException Exists(string file) =>
        new(RecordKeyProblem.AlreadyExists, file, $"a signing key already exists at {file} (it is never overwritten)");

    private static RecordKeyException Malformed(string file, string reason) =>
        new(RecordKeyProblem.Malformed, file, $"the record signing key {file} is not usable: {reason}");

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}
