using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using Pacta.Core.Record.Notes;
using Pacta.Core.Verification;
using Pacta.Core.Verification.Replay;

namespace Pacta.Cli;

/// <summary>
/// <c>pacta verify --url URL</c> (a Pacta portal: its record at URL/record/) and <c>pacta verify --log URL --key VKEY</c>
/// (any C2SP tlog-tiles log): the record part of verification, done by <see cref="VerifyLog"/>. Prints each problem
/// and a one-line verdict last on stdout; progress and notices on stderr.
/// </summary>
/// <remarks>
/// Exit 0 verified, 1 verification failed, 2 usage error or the log could not be read (network, 5xx).
/// The key is pinned in a state file with the last verified checkpoint; without <c>--key</c>, a portal's
/// served key is trusted on first use (said loudly). The state advances only after a run with no problem.
/// </remarks>
internal static class VerifyCommand
{
    private const int Verified = 0;
    private const int VerificationFailed = 1;
    private const int UsageOrNetwork = 2;

    public static Command Create(CliContext cli)
    {
        var url = new Option<string>("--url")
        {
            HelpName = "URL",
            Description = "A Pacta portal's address (e.g. https://example.org): verifies its record at URL/record/.",
        };
        var log = new Option<string>("--log")
        {
            HelpName = "URL",
            Description = "Any C2SP tlog-tiles log whose checkpoint is at URL/checkpoint (needs --key).",
        };
        var key = new Option<string>("--key")
        {
            HelpName = "VKEY|FILE",
            Description = "The log's verifier key (name+keyid+base64), or a file holding it. Without it, --url trusts the portal's key on first use.",
        };
        var state = new Option<string>("--state")
        {
            HelpName = "FILE",
            Description = "The state file: the pinned key and the last verified checkpoint (default: $XDG_STATE_HOME/pacta/verify/HOST_PATH.json).",
        };
        var command = new Command("verify", "Verify a record: the signed checkpoint, every entry and tile, the root, and consistency with the last run.")
        {
            url, log, key, state,
        };
        command.Validators.Add(result =>
        {
            var hasUrl = result.GetResult(url) is not null;
            var hasLog = result.GetResult(log) is not null;
            if (hasUrl == hasLog) result.AddError("give exactly one of --url (a Pacta portal) or --log (a tlog-tiles log)");
            else if (hasLog && result.GetResult(key) is null) result.AddError("--log needs --key: a log that is not a Pacta portal serves no key to pin");
        });
        command.SetAction((parse, cancellationToken) => RunAsync(cli, new Request(
            parse.GetValue(url), parse.GetValue(log), parse.GetValue(key), parse.GetValue(state)), cancellationToken));
        return command;
    }

    private sealed record Request(string? Url, string? Log, string? Key, string? State);

    private static async Task<int> RunAsync(CliContext cli, Request request, CancellationToken cancellationToken)
    {
        var portal = request.Url is not null;
        if (!TryHttpUri(portal ? request.Url! : request.Log!, out var address))
        {
            cli.Complain($"{(portal ? "--url" : "--log")}: '{(portal ? request.Url : request.Log)}' is not an http or https URL");
            return UsageOrNetwork;
        }
        var prefix = portal ? new Uri(address, "record/") : address;

        NoteVerifier? given = null;
        if (request.Key is not null && !TryReadKey(cli, request.Key, out given)) return UsageOrNetwork;

        var statePath = request.State ?? DefaultStatePath(prefix);
        VerifierState? state;
        NoteVerifier? pinned = null;
        try
        {
            state = VerifierStateFile.Load(statePath);
            if (state is not null) pinned = NoteVerifier.Parse(state.Key);
        }
        catch (VerifierStateException e)
        {
            cli.Complain(e.Message);
            return UsageOrNetwork;
        }
        await cli.Error.WriteLineAsync($"pacta: state file {statePath}{(state is null ? " (new)" : "")}");
        if (given is not null && pinned is not null && !string.Equals(given.ToString(), pinned.ToString(), StringComparison.Ordinal))
        {
            cli.Complain($"--key {given} is not the key pinned in {statePath} ({pinned}); a new key is a new log: use another --state file");
            return UsageOrNetwork;
        }

        using var http = CreateClient(cli);
        var source = new HttpLogSource(http, prefix);
        var problems = new List<VerificationProblem>();
        try
        {
            var key = given ?? pinned;
            if (portal)
            {
                var served = await ServedKeyAsync(source, problems, cancellationToken);
                if (key is null)
                {
                    if (served is null)
                    {
                        // Nothing to pin: the first problem says why.
                        foreach (var problem in problems) await cli.Output.WriteLineAsync(problem.ToString());
                        await cli.Output.WriteLineAsync($"FAILED: {prefix}: no key to verify with");
                        return VerificationFailed;
                    }
                    key = served;
                    await cli.Error.WriteLineAsync($"pacta: WARNING: trusting the key {served} that {prefix}key serves, on first use. Check it against one published elsewhere; it is pinned in {statePath} once this run verifies.");
                }
                else if (served is not null && !string.Equals(served.ToString(), key.ToString(), StringComparison.Ordinal))
                {
                    problems.Add(new("key", $"the portal now serves {served}, not the pinned key {key}"));
                }
            }

            // A portal's events are replayed while they stream past, into the public state they establish.
            var replay = portal ? new PublicStateReplay() : null;
            using var progress = new VerifyProgressBar(cli);
            var verification = await new VerifyLog(source, key!)
            {
                Progress = progress,
                Entries = replay,
            }.RunAsync(state?.Checkpoint, cancellationToken);
            progress.Finish();

            problems.AddRange(verification.Problems);
            var count = verification.ProblemCount + problems.Count - verification.Problems.Count;
            if (replay is not null)
            {
                if (verification.Verified)
                {
                    // The record is what was signed; now what the portal shows must be what the record says.
                    var replayed = await CompareWithPortalAsync(cli, address, replay, cancellationToken);
                    count += replayed.Count;
                    problems.AddRange(replayed.Take(Math.Max(0, VerifyLog.MaxProblems - problems.Count)));
                }
                else
                {
                    await cli.Error.WriteLineAsync("pacta: the portal's pages were not compared with the record, because the record itself did not verify.");
                }
            }
            foreach (var problem in problems) await cli.Output.WriteLineAsync(problem.ToString());
            if (count > problems.Count) await cli.Output.WriteLineAsync($"… and {count - problems.Count} more problems");

            if (count > 0 || verification.Checkpoint is not { } checkpoint)
            {
                var what = verification.Checkpoint is { } c ? $"{c.Origin} size {c.TreeSize}" : prefix.ToString();
                await cli.Output.WriteLineAsync($"FAILED: {what}: {count} {(count == 1 ? "problem" : "problems")}");
                return VerificationFailed;
            }

            var root = Convert.ToBase64String(checkpoint.RootHash);
            VerifierStateFile.Save(statePath, new VerifierState(key!.ToString(), prefix.AbsoluteUri,
                new VerifiedCheckpoint(checkpoint.TreeSize, root, verification.CheckpointNote!, DateTimeOffset.UtcNow)));
            await cli.Output.WriteLineAsync($"verified: {checkpoint.Origin} size {checkpoint.TreeSize.ToString(CultureInfo.InvariantCulture)} root {root}");
            return Verified;
        }
        catch (LogSourceException e)
        {
            cli.Complain($"cannot read the log: {e.Message}");
            return UsageOrNetwork;
        }
        catch (PortalReadException e)
        {
            cli.Complain($"cannot read the portal's open data: {e.Message}");
            return UsageOrNetwork;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            cli.Complain($"cannot write the state file {statePath}: {e.Message}");
            return UsageOrNetwork;
        }
    }

    /// <summary>
    /// The entries that could not be replayed, then every difference between the state the events establish
    /// and what the portal's open data API shows (an entity edited, added or removed without an event).
    /// </summary>
    private static async Task<List<VerificationProblem>> CompareWithPortalAsync(CliContext cli, Uri portal, PublicStateReplay replay, CancellationToken cancellationToken)
    {
        var problems = replay.Problems.Select(p => new VerificationProblem($"entry {p.Index.ToString(CultureInfo.InvariantCulture)}", p.Message)).ToList();
        await cli.Error.WriteLineAsync($"pacta: replayed {replay.Count.ToString(CultureInfo.InvariantCulture)} events into {replay.State.Entities.Count.ToString(CultureInfo.InvariantCulture)} public entities; comparing them with {portal}api/v1/");
        using var http = CreateClient(cli);
        http.BaseAddress = portal;
        // "portal: commitment/MX0081: title.es: the record says … (entry 40), the portal shows …"
        foreach (var difference in await PortalComparison.CompareAsync(http, replay.State, cancellationToken))
            problems.Add(new VerificationProblem("portal", difference.ToString()));
        return problems;
    }

    /// <summary>The key a portal serves at /record/key, or null with a problem when it serves none or garbage.</summary>
    private static async Task<NoteVerifier?> ServedKeyAsync(HttpLogSource source, List<VerificationProblem> problems, CancellationToken cancellationToken)
    {
        var bytes = await source.GetAsync("key", 4096, cancellationToken);
        if (bytes is null)
        {
            problems.Add(new("key", $"{source.Prefix}key serves no key (404)"));
            return null;
        }
        try
        {
            // One line: the key, then a newline (the portal's format); anything else is refused, not trimmed into shape.
            var text = Encoding.UTF8.GetString(bytes);
            return NoteVerifier.Parse(text.EndsWith('\n') ? text[..^1] : text);
        }
        catch (NoteFormatException e)
        {
            problems.Add(new("key", $"{source.Prefix}key is not a verifier key: {e.Message}"));
            return null;
        }
    }

    /// <summary>The key from the option's text, or from the file it names.</summary>
    private static bool TryReadKey(CliContext cli, string value, out NoteVerifier? key)
    {
        key = null;
        var text = value;
        if (File.Exists(value))
        {
            try
            {
                text = File.ReadAllText(value).Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                cli.Complain($"--key: cannot read {value}: {e.Message}");
                return false;
            }
        }
        try
        {
            key = NoteVerifier.Parse(text);
            return true;
        }
        catch (NoteFormatException e)
        {
            cli.Complain($"--key: neither a verifier key (name+keyid+base64) nor a file holding one: {e.Message}");
            return false;
        }
    }

    private static bool TryHttpUri(string text, out Uri uri)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)
            && string.IsNullOrEmpty(parsed.Query) && string.IsNullOrEmpty(parsed.Fragment))
        {
            // Relative paths resolve under the URL only when it ends in '/'.
            uri = parsed.AbsolutePath.EndsWith('/') ? parsed : new Uri(parsed.AbsoluteUri + "/");
            return true;
        }
        uri = null!;
        return false;
    }

    /// <summary>$XDG_STATE_HOME (or ~/.local/state)/pacta/verify/, one file per log named after its host and path.</summary>
    private static string DefaultStatePath(Uri prefix)
    {
        var home = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        if (string.IsNullOrEmpty(home) || !Path.IsPathRooted(home))
            home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        var name = new StringBuilder();
        foreach (var c in prefix.Authority + prefix.AbsolutePath)
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_');
        return Path.Combine(home, "pacta", "verify", name.ToString().Trim('_') + ".json");
    }

    private static HttpClient CreateClient(CliContext cli)
    {
        var client = cli.HttpHandler is { } handler
            ? new HttpClient(handler, disposeHandler: false)
            : new HttpClient(new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                ConnectTimeout = TimeSpan.FromSeconds(10),
            });
        client.Timeout = TimeSpan.FromSeconds(60);
        var version = typeof(VerifyCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";
        client.DefaultRequestHeaders.UserAgent.ParseAdd($"pacta-verify/{version}");
        return client;
    }
}
