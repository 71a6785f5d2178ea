using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pacta.Cli;
using Pacta.Core.Data;

namespace Pacta.Web.Tests.Cli;

/// <summary>What one run of <c>pacta</c> returned and printed.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}

/// <summary>Runs the CLI in-process against a test's database, configured as an operator would (configuration keys).</summary>
public static class PactaCommand
{
    public static Task<CliResult> RunAsync(DatabaseSettings settings, params string[] args) => RunAsync(Settings(settings), args);

    public static async Task<CliResult> RunAsync(IDictionary<string, string?> configuration, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await PactaCli.RunAsync(args, output, error, configuration);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public static Dictionary<string, string?> Settings(DatabaseSettings settings) => new()
    {
        ["Pacta:Database:Provider"] = settings.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres",
        ["ConnectionStrings:Pacta"] = settings.ConnectionString,
        ["Pacta:DataDirectory"] = settings.DataDirectory,
    };
}

/// <summary>
/// How two forum documents are compared: as JSON trees, with null-valued properties removed (the format
/// says null and absent both mean "not recorded") and properties in name order (order carries no meaning
/// in an object). Array order is kept: it is the order of parties, organisations, commitments, milestones.
/// </summary>
public static class ForumDocumentJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Canonical(string json) => Strip(JsonNode.Parse(json))!.ToJsonString(Indented);

    private static JsonNode? Strip(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Where(p => p.Value is not null).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Strip(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Strip)]),
        _ => node?.DeepClone(),
    };
}
