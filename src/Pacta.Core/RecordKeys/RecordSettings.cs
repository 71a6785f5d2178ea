using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Configuration;
using Pacta.Core.Record.Notes;

namespace Pacta.Core.RecordKeys;

/// <summary>
/// Where the record's signing key lives and which origin its checkpoints name:
/// <c>Pacta:Record:KeyFile</c> (default <c>&lt;DataDirectory&gt;/record-signing.key</c>) and
/// <c>Pacta:Record:Origin</c> (default <c>&lt;hostname&gt;/pacta</c>). Read the same way by the web app and the CLI.
/// </summary>
/// <remarks>
/// The origin is also the key's name (C2SP tlog-checkpoint: the log's key name SHOULD match the origin), so
/// once a key exists its name is the log's origin. A default origin only names a key being created; a
/// configured one must match the key file, because an origin that changes is a different log to every verifier.
/// </remarks>
public sealed record RecordSettings(string KeyFile, string Origin, bool OriginConfigured)
{
    public const string KeyFileSetting = "Pacta:Record:KeyFile";
    public const string OriginSetting = "Pacta:Record:Origin";
    public const string DefaultKeyFileName = "record-signing.key";

    /// <summary>Reads the settings; an origin that breaks the rules is a configuration error naming the key.</summary>
    /// <exception cref="InvalidOperationException">The configured origin is not valid.</exception>
    public static RecordSettings FromConfiguration(IConfiguration configuration, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(dataDirectory);
        var keyFile = Path.GetFullPath(configuration[KeyFileSetting] is { Length: > 0 } k ? k : Path.Combine(dataDirectory, DefaultKeyFileName));
        if (configuration[OriginSetting] is { Length: > 0 } origin)
        {
            if (OriginProblem(origin) is { } problem)
                throw new InvalidOperationException($"Configuration {OriginSetting} is '{origin}': {problem}.");
            return new RecordSettings(keyFile, origin, OriginConfigured: true);
        }
        return new RecordSettings(keyFile, DefaultOrigin(HostName()), OriginConfigured: false);
    }

    /// <summary>
    /// <c>&lt;host&gt;/pacta</c> in lower case: C2SP asks for a schema-less URL as origin, so that two logs do
    /// not collide; a host name that could not be one (empty, spaces, '+') falls back to <c>localhost</c>.
    /// </summary>
    public static string DefaultOrigin(string? hostName)
    {
        var host = (hostName ?? "").Trim().TrimEnd('.').ToLowerInvariant();
        var origin = $"{host}/pacta";
        return host.Length > 0 && OriginProblem(origin) is null ? origin : "localhost/pacta";
    }

    /// <summary>
    /// Why <paramref name="origin"/> cannot be the record's origin, or null when it can. C2SP tlog-checkpoint
    /// v1.0.0: non-empty, a schema-less URL with neither Unicode spaces nor '+'; the origin is also the
    /// signed-note key name, which rules out the same characters.
    /// </summary>
    public static string? OriginProblem(string origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (origin.Length == 0) return "the origin must not be empty";
        if (origin.Contains('+', StringComparison.Ordinal)) return "the origin must not contain '+' (it is also the key name, and '+' separates the key's fields)";
        if (!NoteKey.IsValidName(origin)) return "the origin must not contain spaces or invalid Unicode";
        foreach (var rune in origin.EnumerateRunes())
            if (Rune.IsControl(rune)) return "the origin must not contain control characters";
        if (origin.Contains("://", StringComparison.Ordinal)) return "the origin is a schema-less URL: write example.org/pacta, not https://example.org/pacta";
        return null;
    }

    private static string HostName()
    {
        try
        {
            return Dns.GetHostName();
        }
        catch (SocketException)
        {
            // No host name is no reason to refuse to start: the origin falls back to localhost/pacta.
            return "";
        }
    }
}
