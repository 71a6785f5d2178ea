namespace Pacta.Core.Verification;

/// <summary>One log entry as the verifier read it: its index and its exact bytes (for Pacta, one canonical JSON event).</summary>
public readonly record struct VerifiedEntry(long Index, ReadOnlyMemory<byte> Bytes);

/// <summary>
/// The seam for whatever consumes the record while it is verified (the replay that rebuilds the public state
/// from the events): <see cref="VerifyLog"/> hands it every entry, in index order from 0, one entry bundle
/// per call, without gaps, as soon as the bundle's entries have been hashed and compared with the served leaf
/// hashes. Streaming, so a million entries are never held at once.
/// </summary>
/// <remarks>
/// Entries arrive before the whole tree is checked against the signed root (that needs every entry), and an
/// entry whose hash did not match is delivered too, so the order stays whole; its mismatch is one of the
/// problems. What a sink concludes holds only when <see cref="LogVerification.Verified"/> is true.
/// The memory behind <see cref="VerifiedEntry.Bytes"/> is valid only during the call: copy what you keep.
/// </remarks>
public interface IVerifiedEntrySink
{
    /// <summary>Takes the next entries, in index order.</summary>
    ValueTask AddAsync(ReadOnlyMemory<VerifiedEntry> entries, CancellationToken cancellationToken);
}
