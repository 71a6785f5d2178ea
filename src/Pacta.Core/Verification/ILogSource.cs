namespace Pacta.Core.Verification;

/// <summary>
/// Where a verifier reads a tlog-tiles log: paths relative to the log's prefix (<c>checkpoint</c>,
/// <c>tile/0/000.p/43</c>, <c>tile/entries/000</c>). Nothing it returns is trusted.
/// </summary>
public interface ILogSource
{
    /// <summary>
    /// The resource's bytes, or null when the log answers that it does not exist (HTTP 404).
    /// Anything longer than <paramref name="maxBytes"/> is refused, so a hostile log cannot exhaust memory.
    /// </summary>
    /// <exception cref="LogSourceException">The log could not be reached or answered with anything but 200 or 404.</exception>
    Task<byte[]?> GetAsync(string path, int maxBytes, CancellationToken cancellationToken);
}

/// <summary>
/// The log could not be read (connection refused, timeout, a server error, an oversized answer): nothing
/// about the log is known, so this is not a verification failure but a reason to try again.
/// </summary>
public sealed class LogSourceException(string message, Exception? innerException = null) : Exception(message, innerException);
