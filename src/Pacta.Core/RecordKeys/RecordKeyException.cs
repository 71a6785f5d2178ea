namespace Pacta.Core.RecordKeys;

/// <summary>What is wrong with the record's signing key file.</summary>
public enum RecordKeyProblem
{
    /// <summary>There is no key file where the settings say.</summary>
    Missing,
    /// <summary>A key file is already there; it is never overwritten.</summary>
    AlreadyExists,
    /// <summary>The file may be read or written by group or others.</summary>
    NotOwnerOnly,
    /// <summary>The file does not hold one signer key.</summary>
    Malformed,
    /// <summary>The key's name is not the configured origin.</summary>
    OriginMismatch,
}

/// <summary>
/// A key file that cannot be used. The message names the file and the problem and says what to do;
/// it never quotes the file's content, which is secret.
/// </summary>
public sealed class RecordKeyException(RecordKeyProblem problem, string file, string message) : Exception(message)
{
    public RecordKeyProblem Problem { get; } = problem;

    /// <summary>The key file's full path.</summary>
    public string FilePath { get; } = file;
}
