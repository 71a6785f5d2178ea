using System.CommandLine;
using Pacta.Core.RecordKeys;

namespace Pacta.Cli;

/// <summary>
/// <c>pacta keys init</c> and <c>pacta keys show</c>: the record's signing key file
/// (<c>Pacta:Record:KeyFile</c>, default <c>&lt;DataDirectory&gt;/record-signing.key</c>) and its verifier key.
/// </summary>
/// <remarks>
/// The operator's step before the first start on PostgreSQL (the embedded SQLite default creates the key
/// by itself). Never overwrites a key: a new key is a new log identity that every verifier must pin again.
/// Prints the verifier key only; the secret stays in the file.
/// </remarks>
internal static class KeysCommand
{
    public static Command Create(CliContext cli) =>
        new("keys", "The record's signing key (a file outside the database; see docs/operator.md).")
        {
            CreateInit(cli),
            CreateShow(cli),
        };

    private static Command CreateInit(CliContext cli)
    {
        var keep = new Option<bool>("--keep-existing")
        {
            Description = "If a key already exists, keep it, print its verifier key and succeed (for provisioning scripts).",
        };
        var command = new Command("init", "Create the record's signing key (owner-only file) and print its verifier key.") { keep };
        command.SetAction((parse, _) => CommandGuard.RunAsync(cli, () => InitAsync(cli, parse.GetValue(keep))));
        return command;
    }

    private static Command CreateShow(CliContext cli)
    {
        var command = new Command("show", "Print the verifier key of the existing record signing key (name+keyid+base64).");
        command.SetAction((_, _) => CommandGuard.RunAsync(cli, () => ShowAsync(cli)));
        return command;
    }

    private static async Task<int> InitAsync(CliContext cli, bool keepExisting)
    {
        if (Settings(cli) is not { } settings) return ExitCodes.BadInput;
        try
        {
            if (keepExisting && File.Exists(settings.KeyFile))
            {
                using var existing = RecordSigningKey.LoadOrCreate(settings, mayCreate: false, out _);
                await cli.Output.WriteLineAsync($"kept the record signing key at {existing.FilePath}");
                await cli.Output.WriteLineAsync(existing.VerifierKeyText);
                return ExitCodes.Success;
            }
            using var key = RecordSigningKey.Create(settings.KeyFile, settings.Origin);
            await cli.Output.WriteLineAsync($"created the record signing key at {key.FilePath} (owner-only; back it up apart from the database)");
            await cli.Output.WriteLineAsync(key.VerifierKeyText);
            return ExitCodes.Success;
        }
        catch (RecordKeyException e)
        {
            cli.Complain(e.Message);
            return ExitCodes.BadInput;
        }
    }

    private static async Task<int> ShowAsync(CliContext cli)
    {
        if (Settings(cli) is not { } settings) return ExitCodes.BadInput;
        try
        {
            using var key = RecordSigningKey.LoadOrCreate(settings, mayCreate: false, out _);
            // Only the verifier key on stdout, so that `pacta keys show > record.pub` gives the key to pin.
            await cli.Output.WriteLineAsync(key.VerifierKeyText);
            return ExitCodes.Success;
        }
        catch (RecordKeyException e)
        {
            cli.Complain(e.Message);
            return ExitCodes.BadInput;
        }
    }

    /// <summary>The settings, or null after saying which configuration value is wrong.</summary>
    private static RecordSettings? Settings(CliContext cli)
    {
        if (CliDatabase.Settings(cli) is not { } database) return null;
        try
        {
            return RecordSettings.FromConfiguration(cli.Configuration, database.DataDirectory);
        }
        catch (InvalidOperationException e)
        {
            cli.Complain(e.Message);
            return null;
        }
    }
}
