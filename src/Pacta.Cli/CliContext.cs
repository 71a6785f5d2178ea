using Microsoft.Extensions.Configuration;

namespace Pacta.Cli;

/// <summary>
/// What every command gets: where to write, and the configuration built by <see cref="CliConfiguration"/>.
/// Commands never touch <see cref="Console"/>, so tests run them in-process and read what they print.
/// </summary>
public sealed class CliContext(TextWriter output, TextWriter error, IConfiguration configuration)
{
    public TextWriter Output { get; } = output;
    public TextWriter Error { get; } = error;
    public IConfiguration Configuration { get; } = configuration;

    /// <summary>Writes a diagnostic line on stderr, prefixed like every message of the tool.</summary>
    public void Complain(string message) => Error.WriteLine($"pacta: {message}");
}
