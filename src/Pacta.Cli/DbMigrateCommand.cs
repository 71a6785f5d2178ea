using System.CommandLine;
using Microsoft.EntityFrameworkCore;

namespace Pacta.Cli;

/// <summary>
/// <c>pacta db migrate</c>: brings the configured database (SQLite or PostgreSQL) to the current schema
/// and says which migrations it applied, or that it was up to date. On SQLite it also switches the
/// file to write-ahead logging and checks <c>synchronous=FULL</c> (<see cref="Core.Data.SqliteDurability"/>).
/// </summary>
/// <remarks>The operator's step before starting the web app on PostgreSQL; safe to run any number of times.</remarks>
internal static class DbMigrateCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("migrate", "Apply the database migrations that are missing (SQLite or PostgreSQL).");
        command.SetAction((_, cancellationToken) => CommandGuard.RunAsync(cli, () => RunAsync(cli, cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, CancellationToken cancellationToken)
    {
        if (CliDatabase.Settings(cli) is not { } settings) return ExitCodes.BadInput;
        settings.EnsureDataDirectory();
        await using var db = settings.CreateContext();
        var applied = await CliDatabase.MigrateAsync(db, cancellationToken);
        var database = CliDatabase.Describe(settings);
        if (applied.Count > 0)
        {
            await cli.Output.WriteLineAsync($"{database}: applied {CliDatabase.Migrations(applied)}");
        }
        else
        {
            var last = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault() ?? "none";
            await cli.Output.WriteLineAsync($"{database}: up to date (last migration {last})");
        }
        return ExitCodes.Success;
    }
}
