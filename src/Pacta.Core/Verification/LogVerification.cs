using Pacta.Core.Record.Notes;

namespace Pacta.Core.Verification;

/// <summary>One thing that is wrong, named by where it is: <c>entry 17</c>, <c>tile/1/000</c>, <c>checkpoint</c>, <c>history</c>, <c>root</c>.</summary>
public sealed record VerificationProblem(string Subject, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Subject}: {Message}";
}

/// <summary>How far a verification is, for a progress display.</summary>
public readonly record struct VerifyProgress(long EntriesDone, long EntriesTotal);

/// <summary>What <see cref="VerifyLog"/> found.</summary>
/// <param name="Checkpoint">The checkpoint that verified against the key, or null when none did.</param>
/// <param name="CheckpointNote">The served note's text (signature lines included), when it opened.</param>
/// <param name="Problems">The problems, at most <see cref="VerifyLog.MaxProblems"/> of them.</param>
/// <param name="ProblemCount">How many problems there were in all, including those not listed.</param>
public sealed record LogVerification(Checkpoint? Checkpoint, string? CheckpointNote, IReadOnlyList<VerificationProblem> Problems, long ProblemCount)
{
    /// <summary>The checkpoint verified, the tree rebuilt from every entry has its root, and history is consistent.</summary>
    public bool Verified => Checkpoint is not null && ProblemCount == 0;
}

/// <summary>
/// A checkpoint the verifier has verified before (kept in its state file): the tree of <see cref="Size"/>
/// leaves had root <see cref="Root"/>, so every later tree must start with exactly those leaves.
/// </summary>
/// <param name="Size">The tree size.</param>
/// <param name="Root">The root hash, canonical base64.</param>
/// <param name="Note">The whole signed note, kept as evidence: it proves what the log once signed.</param>
/// <param name="VerifiedAt">When it was verified.</param>
public sealed record VerifiedCheckpoint(long Size, string Root, string Note, DateTimeOffset VerifiedAt);
