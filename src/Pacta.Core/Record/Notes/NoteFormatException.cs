namespace Pacta.Core.Record.Notes;

/// <summary>Why a signed note, a note key or a checkpoint was refused.</summary>
public enum NoteError
{
    /// <summary>The note breaks the C2SP signed-note format (line rules, UTF-8, control characters, size limits).</summary>
    MalformedNote,
    /// <summary>No signature from a known key verified, so the text must be ignored.</summary>
    NoVerifiableSignatures,
    /// <summary>A signature from a known key failed to verify; the whole note is refused.</summary>
    InvalidSignature,
    /// <summary>Two known verifier keys share the name and key ID a signature names.</summary>
    AmbiguousKey,
    /// <summary>A signer or verifier key text is not in the note key format.</summary>
    MalformedKey,
    /// <summary>A checkpoint body breaks C2SP tlog-checkpoint v1.0.0.</summary>
    MalformedCheckpoint,
}

/// <summary>
/// A signed note, note key or checkpoint that Pacta refuses. <see cref="Error"/> says which rule;
/// the message names the rule and never carries secret key material.
/// </summary>
public sealed class NoteFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="error"/>.</summary>
    public NoteFormatException(NoteError error, string message) : base(message) => Error = error;

    /// <summary>Parameterless constructor required by the exception design guidelines.</summary>
    public NoteFormatException() : this(NoteError.MalformedNote, "malformed note") { }

    /// <summary>Creates a malformed-note exception.</summary>
    public NoteFormatException(string message) : this(NoteError.MalformedNote, message) { }

    /// <summary>Creates a malformed-note exception wrapping a cause.</summary>
    public NoteFormatException(string message, Exception innerException) : base(message, innerException) => Error = NoteError.MalformedNote;

    /// <summary>The rule that was broken.</summary>
    public NoteError Error { get; }
}
