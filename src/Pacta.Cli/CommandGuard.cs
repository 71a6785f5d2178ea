using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Pacta.Cli;

/// <summary>
/// Turns the failures an operator can fix (a database that is down or refuses the login, a file that
/// cannot be written) into one line on stderr and exit code 1 instead of a stack trace.
/// </summary>
internal static class CommandGuard
{
    public static async Task<int> RunAsync(CliContext cli, Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (DbException e)
        {
            cli.Complain($"database error: {e.Message}");
        }
        catch (DbUpdateException e)
        {
            cli.Complain($"database error: {e.InnerException?.Message ?? e.Message}");
        }
        catch (IOException e)
        {
            cli.Complain(e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            cli.Complain(e.Message);
        }
        return ExitCodes.Failure;
    }
}
