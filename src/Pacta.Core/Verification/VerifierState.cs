using System.Text.Json;
using System.Text.Json.Serialization;
using Pacta.Core.Record.Merkle;
using Pacta.Core.Record.Notes;
using Pacta.Core.RecordKeys;

namespace Pacta.Core.Verification;

/// <summary>
/// What a verifier remembers about one log between runs: the key it pinned (given, or trusted on first use)
/// and the last checkpoint it verified, against which the next tree must be consistent.
/// </summary>
/// <param name="Key">The pinned verifier key, <c>name+keyid+base64</c>.</param>
/// <param name="Log">Where the log was read (information for the reader of the file; the key identifies the log).</param>
/// <param name="Checkpoint">The last verified checkpoint, or null before the first successful run.</param>
public sealed record VerifierState(string Key, string Log, VerifiedCheckpoint? Checkpoint);

/// <summary>The state file could not be read as a verifier state.</summary>
public sealed class VerifierStateException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>
/// Reads and writes a <see cref="VerifierState"/> as JSON. Writes are atomic (a temporary file in the same
/// directory, flushed, then renamed over the old one), so a crash never leaves half a state, and the file is
/// readable by its owner only: it decides which key is trusted.
/// </summary>
public static class VerifierStateFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The state in <paramref name="path"/>, or null when there is no such file.</summary>
    /// <exception cref="VerifierStateException">The file exists but is not a valid state.</exception>
    public static VerifierState? Load(string path)
    {
        if (!File.Exists(path)) return null;
        VerifierState? state;
        try
        {
            state = JsonSerializer.Deserialize<VerifierState>(File.ReadAllBytes(path), Json);
        }
        catch (JsonException e)
        {
            throw new VerifierStateException($"{path} is not a verifier state file: {e.Message}", e);
        }
        if (state?.Key is null || state.Log is null) throw new VerifierStateException($"{path} is not a verifier state file: key and log are required");
        NoteVerifier key;
        try
        {
            key = NoteVerifier.Parse(state.Key);
        }
        catch (NoteFormatException e)
        {
            throw new VerifierStateException($"{path}: the pinned key is not a verifier key: {e.Message}", e);
        }
        if (state.Checkpoint is { } checkpoint)
        {
            if (checkpoint.Size < 0 || !Hash.TryParseBase64(checkpoint.Root, out _) || checkpoint.Note is null)
                throw new VerifierStateException($"{path}: the saved checkpoint needs a size, a root in canonical base64 and its note");
            // The saved note is evidence only if it still opens with the pinned key and says what the file says.
            if (!CheckpointSigning.TryVerify(checkpoint.Note, key, out var opened, out _) ||
                opened!.TreeSize != checkpoint.Size || !string.Equals(Convert.ToBase64String(opened.RootHash), checkpoint.Root, StringComparison.Ordinal))
                throw new VerifierStateException($"{path}: the saved checkpoint note does not open with the pinned key or disagrees with the saved size and root");
        }
        return state;
    }

    /// <summary>Writes <paramref name="state"/> to <paramref name="path"/> atomically, owner-only, creating the directory (owner-only) if needed.</summary>
    public static void Save(string path, VerifierState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(directory);
            else Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(temporary, options))
            {
                JsonSerializer.Serialize(stream, state, Json);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
