using System.Text;
using Pacta.Core.Record.Merkle;
using Pacta.Core.Record.Notes;

namespace Pacta.Core.RecordKeys;

/// <summary>
/// The record's checkpoints as signed notes (C2SP tlog-checkpoint v1.0.0 over C2SP signed-note, Ed25519):
/// signing one for a tree head, and verifying one that a server served against the verifier key a reader pinned.
/// </summary>
/// <remarks>
/// The origin is the signer's name and a served checkpoint must name the verifier's origin: the spec only says
/// the key name SHOULD match the origin, but Pacta always does, so a checkpoint of another log signed with the
/// same key (or of this log under another origin) is refused rather than read as this record's head.
/// </remarks>
public static class CheckpointSigning
{
    /// <summary>The signed checkpoint note for the tree of <paramref name="size"/> leaves with root <paramref name="root"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="origin"/> is not the signer's name.</exception>
    /// <exception cref="NoteFormatException">The origin or size cannot be written in a checkpoint.</exception>
    public static string Sign(NoteSigner signer, string origin, long size, Hash root)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(origin);
        if (!string.Equals(origin, signer.Name, StringComparison.Ordinal))
            throw new ArgumentException($"the checkpoint origin '{origin}' is not the signing key's name '{signer.Name}'", nameof(origin));
        return Encoding.UTF8.GetString(new Checkpoint(origin, size, root.AsSpan()).Sign(signer));
    }

    /// <inheritdoc cref="Sign(NoteSigner, string, long, Hash)"/>
    public static string Sign(RecordSigningKey key, long size, Hash root)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Sign(key.Signer, key.Origin, size, root);
    }

    /// <summary>
    /// Opens a served checkpoint with the pinned verifier key: the key's signature must verify (other
    /// signatures, e.g. witnesses' cosignatures, are ignored here), the body must be a checkpoint, and its
    /// origin must be the key's name.
    /// </summary>
    /// <exception cref="NoteFormatException">Malformed, not signed by this key, or a checkpoint of another origin.</exception>
    public static Checkpoint Verify(string note, NoteVerifier verifier)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(verifier);
        var checkpoint = Checkpoint.Parse(SignedNote.Open(note, [verifier]).Text);
        if (!string.Equals(checkpoint.Origin, verifier.Name, StringComparison.Ordinal))
            throw new NoteFormatException(NoteError.MalformedCheckpoint,
                $"checkpoint origin '{checkpoint.Origin}' is not the origin of key {verifier.Name}");
        return checkpoint;
    }

    /// <summary>Whether <paramref name="note"/> verifies (see <see cref="Verify"/>); <paramref name="error"/> says why not.</summary>
    public static bool TryVerify(string note, NoteVerifier verifier, out Checkpoint? checkpoint, out string? error)
    {
        try
        {
            checkpoint = Verify(note, verifier);
            error = null;
            return true;
        }
        catch (NoteFormatException e)
        {
            checkpoint = null;
            error = e.Message;
            return false;
        }
    }
}
