using Microsoft.Extensions.Configuration;

namespace Pacta.Cli;

/// <summary>
/// What every command gets: where to write, and the configuration built by <see cref="CliConfiguration"/>.
/// Commands never touch <see cref="Console"/>, so tests run them in-process and read what they print.
/// </summary>
public sealed class CliContext(TextWriter output, TextWriter error, IConfiguration configuration, HttpMessageHandler? httpHandler = null)
{
    public TextWriter Output { get; } = output;
    public TextWriter Error { get; } = error;
    public IConfiguration Configuration { get; } = configuration;

    /// <summary>What commands that read over HTTP send through; null means the network. Tests pass a test server's handler.</summary>
    public HttpMessageHandler? HttpHandler { get; } = httpHandler;

    /// <summary>Whether stderr is a terminal (a progress bar may redraw there) rather than a file, a pipe or a test.</summary>
    public bool ErrorIsTerminal => ReferenceEquals(Error, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>Writes a diagnostic line on stderr, prefixed like every message of the tool.</summary>
    public void Complain(string message) => Error.WriteLine($"pacta: {message}");
}
