using System.CommandLine;
using Pacta.Core.ForumDocuments;

namespace Pacta.Cli;

/// <summary>
/// <c>pacta import FILE</c>: loads a forum document (format <c>open-government-forum/1</c>) into the
/// database, all or nothing, and prints a one-line summary. A document with errors changes nothing;
/// each error goes to stderr as <c>FILE: JSON.PATH: problem</c> and the exit code is 2.
/// </summary>
/// <remarks>
/// The file is read and checked before the database is opened, so a bad file is reported even when the
/// database is down, and never creates an empty SQLite file.
/// </remarks>
internal static class ImportCommand
{
    public static Command Create(CliContext cli)
    {
        var file = new Argument<string>("FILE") { Description = "The forum document to import (docs/forum-document.md)." };
        var command = new Command("import", "Load a forum document into the database: all or nothing, idempotent.") { file };
        command.SetAction((parse, cancellationToken) =>
            CommandGuard.RunAsync(cli, () => RunAsync(cli, parse.GetRequiredValue(file), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            cli.Complain($"{file}: no such file");
            return ExitCodes.BadInput;
        }
        if (ForumDocumentReader.CheckSize(file, new FileInfo(file).Length) is { } tooLarge)
            return Report(cli, [tooLarge]);

        var (document, errors) = ForumDocumentReader.Read(file, await File.ReadAllBytesAsync(file, cancellationToken));
        if (document is null) return Report(cli, errors);

        if (CliDatabase.Settings(cli) is not { } settings) return ExitCodes.BadInput;
        await using var db = await CliDatabase.OpenAsync(cli, settings, mayMigrate: true, cancellationToken);
        if (db is null) return ExitCodes.Failure;

        var result = await new ImportForumDocument(db).ExecuteAsync(file, document, cancellationToken);
        if (!result.Succeeded) return Report(cli, result.Errors);
        await cli.Output.WriteLineAsync($"{file}: {result.Summary}");
        return ExitCodes.Success;
    }

    private static int Report(CliContext cli, IReadOnlyList<DocumentError> errors)
    {
        foreach (var error in errors) cli.Error.WriteLine(error.ToString());
        cli.Complain($"{errors[0].File}: not imported ({errors.Count} error{(errors.Count == 1 ? "" : "s")}); the database is unchanged");
        return ExitCodes.BadInput;
    }
}
