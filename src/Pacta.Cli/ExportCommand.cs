using System.CommandLine;
using System.Text;
using Pacta.Core.ForumDocuments;

namespace Pacta.Cli;

/// <summary>
/// <c>pacta export FILE</c>: writes everything public the database holds as a forum document, to FILE
/// or, with <c>-</c>, to stdout. Importing the result into an empty database gives the same data.
/// </summary>
/// <remarks>
/// Export only reads: it never migrates nor creates a database, and it replaces FILE only once the
/// whole document is written, so a failure leaves any earlier export intact.
/// </remarks>
internal static class ExportCommand
{
    public static Command Create(CliContext cli)
    {
        var file = new Argument<string>("FILE") { Description = "Where to write the document; - for standard output." };
        var command = new Command("export", "Write the forum, its plans and commitments as a forum document.") { file };
        command.SetAction((parse, cancellationToken) =>
            CommandGuard.RunAsync(cli, () => RunAsync(cli, parse.GetRequiredValue(file), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, string file, CancellationToken cancellationToken)
    {
        if (CliDatabase.Settings(cli) is not { } settings) return ExitCodes.BadInput;
        await using var db = await CliDatabase.OpenAsync(cli, settings, mayMigrate: false, cancellationToken);
        if (db is null) return ExitCodes.Failure;

        using var buffer = new MemoryStream();
        await new ExportForumDocument(db).WriteAsync(buffer, cancellationToken);
        if (file == "-")
        {
            await cli.Output.WriteAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            await cli.Output.FlushAsync(cancellationToken);
            return ExitCodes.Success;
        }

        var target = Path.GetFullPath(file);
        var directory = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(directory))
        {
            cli.Complain($"{file}: the directory {directory} does not exist");
            return ExitCodes.Failure;
        }
        // Written beside the target and renamed over it, so a reader of FILE never sees half a document.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                buffer.Position = 0;
                await buffer.CopyToAsync(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
        await cli.Output.WriteLineAsync($"{file}: exported {buffer.Length:N0} bytes from {CliDatabase.Describe(settings)}");
        return ExitCodes.Success;
    }
}
