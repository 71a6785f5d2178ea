using Microsoft.Extensions.Configuration;

namespace Pacta.Cli;

/// <summary>
/// Builds the CLI's configuration from the same sources, in the same order, as the web app's host, so
/// that <c>pacta</c> and the portal open the same database: appsettings.json beside the program (if
/// any), environment variables (<c>Pacta__DataDirectory</c>, <c>ConnectionStrings__Pacta</c>, …), and
/// settings on the command line (<c>--Pacta:DataDirectory=/srv/pacta</c>). A relative data directory
/// is taken from the working directory, as in the web app.
/// </summary>
public static class CliConfiguration
{
    public static IConfiguration Build(IReadOnlyList<string> settingArguments, IDictionary<string, string?>? overrides = null) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false)
            .AddEnvironmentVariables()
            .AddCommandLine([.. settingArguments])
            // Last, so that a test's settings win over whatever the machine's environment says.
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();

    /// <summary>
    /// Separates configuration settings (<c>--Section:Key=value</c> or <c>--Section:Key value</c>: an
    /// option name with a colon) from the arguments the command parser sees. Nothing after <c>--</c> is a setting.
    /// </summary>
    public static (string[] Command, string[] Settings) Split(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var command = new List<string>();
        var settings = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                command.AddRange(args.Skip(i));
                break;
            }
            var name = arg.Split('=', 2)[0];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || !name.Contains(':', StringComparison.Ordinal))
            {
                command.Add(arg);
                continue;
            }
            settings.Add(arg);
            if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count) settings.Add(args[++i]);
        }
        return ([.. command], [.. settings]);
    }
}
