using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Cli;
using Pacta.Core.Data;
using Pacta.Core.RecordKeys;
using Pacta.Web.Record;
using Pacta.Web.Tests.Cli;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Verify;

/// <summary>Runs <c>pacta verify</c> in-process, its HTTP going to a test server (or, without one, the network).</summary>
public static class VerifyRun
{
    public static Task<CliResult> AgainstAsync(PactaApp app, params string[] args) => RunAsync(app.Server.CreateHandler(), args);

    public static async Task<CliResult> RunAsync(HttpMessageHandler? handler, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await PactaCli.RunAsync(["verify", .. args], output, error, new Dictionary<string, string?>(), handler);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public static string LastLine(this CliResult result) => result.Output.TrimEnd('\n').Split('\n')[^1];

    public static IReadOnlyList<string> OutputLines(this CliResult result) => result.Output.TrimEnd('\n').Split('\n');

    /// <summary>Signs a checkpoint for the record as it is, as the background publisher would.</summary>
    public static async Task PublishAsync(this PactaApp app) =>
        await app.Services.GetRequiredService<CheckpointPublisher>().PublishOnceAsync();

    public static string VerifierKey(this PactaApp app) => app.Services.GetRequiredService<RecordSigningKey>().VerifierKeyText;

    public static async Task AppendAsync(this PactaApp app, int count)
    {
        await using var db = app.CreateDbContext();
        await using var transaction = await db.BeginWriteTransactionAsync();
        await new Core.RecordStore.RecordAppender(db, TimeProvider.System).AppendAsync(
            Enumerable.Range(0, count).Select(i => new Core.RecordStore.RecordEvent($"test.appended{i}", new JsonObject { ["role"] = "test" }, "test", new JsonObject())).ToList());
        await transaction.CommitAsync();
    }

    public static async Task<long> RecordSizeAsync(this PactaApp app)
    {
        await using var db = app.CreateDbContext();
        return (await db.RecordHeads.AsNoTracking().SingleAsync()).Size;
    }
}
