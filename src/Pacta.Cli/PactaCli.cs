using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace Pacta.Cli;

/// <summary>
/// The <c>pacta</c> command line: one file per command, all built on <see cref="CliContext"/>.
/// Exit codes are in <see cref="ExitCodes"/>; configuration comes from <see cref="CliConfiguration"/>.
/// </summary>
public static class PactaCli
{
    public static Task<int> Main(string[] args) => RunAsync(args, Console.Out, Console.Error);

    /// <summary>Runs one command line in-process, writing to the given streams, and returns the exit code.</summary>
    /// <param name="configurationOverrides">Settings applied after every other source (tests use them to pick the database).</param>
    /// <param name="httpHandler">Where HTTP requests go instead of the network (tests pass a test server's handler).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr,
        IDictionary<string, string?>? configurationOverrides = null, HttpMessageHandler? httpHandler = null,
        CancellationToken cancellationToken = default)
    {
        var (commandArgs, settingArgs) = CliConfiguration.Split(args);
        var cli = new CliContext(stdout, stderr, CliConfiguration.Build(settingArgs, configurationOverrides), httpHandler);
        var parse = CreateRootCommand(cli).Parse(commandArgs);
        if (parse.Action is ParseErrorAction)
        {
            // System.CommandLine would print the whole help and return 1; a usage error is 2, and one line says more.
            foreach (var error in parse.Errors) cli.Complain(error.Message);
            await stderr.WriteLineAsync($"Run '{CommandLine(parse.CommandResult)} --help' for usage.");
            return ExitCodes.BadInput;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken);
    }

    /// <summary>The command tree; tests check its validation with <c>CreateRootCommand(...).Parse([...]).Errors</c>.</summary>
    public static RootCommand CreateRootCommand(CliContext cli) =>
        new("Pacta: the open government forum's record. Settings: --Pacta:DataDirectory=DIR, --Pacta:Database:Provider=sqlite|postgres, --ConnectionStrings:Pacta=..., --Pacta:Record:KeyFile=FILE, --Pacta:Record:Origin=example.org/pacta, --Pacta:PublicUrl=https://pacta.example")
        {
            ImportCommand.Create(cli),
            ExportCommand.Create(cli),
            new Command("db", "Database administration.") { DbMigrateCommand.Create(cli) },
            KeysCommand.Create(cli),
            InviteCommand.Create(cli),
            VerifyCommand.Create(cli),
        };

    private static string CommandLine(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? symbol = result; symbol is CommandResult command; symbol = command.Parent)
            names.Insert(0, command.Command is RootCommand ? "pacta" : command.Command.Name);
        return string.Join(' ', names);
    }
}
