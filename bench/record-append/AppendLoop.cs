using System.Text.Json.Nodes;
using Pacta.Core.RecordStore;

namespace Pacta.Bench.RecordAppend;

/// <summary>
/// Appends one event per operation through <see cref="RecordWriter"/> from several concurrent writers,
/// and prints each acknowledged index on its own line only after its commit returned, until
/// <c>--count</c> operations are acknowledged (or the process is killed, which is what the crash tests do).
/// </summary>
internal static class AppendLoop
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        await options.PrepareAsync();
        var contextOptions = options.ContextOptions;
        var writer = new RecordWriter(() => new Pacta.Core.Data.PactaDbContext(contextOptions), TimeProvider.System);
        await using (writer)
        {
            var process = Environment.ProcessId;
            long claimed = 0;
            var writers = Enumerable.Range(0, options.Writers[0]).Select(w => Task.Run(async () =>
            {
                long sequence;
                while ((sequence = Interlocked.Increment(ref claimed)) <= options.Count)
                {
                    var written = await writer.WriteAsync((_, batch, _) =>
                    {
                        batch.Add(Event(process, w, sequence));
                        return Task.FromResult(true);
                    });
                    // Console.Out flushes every write: a line on stdout means the commit had returned.
                    Console.Out.WriteLine(written.FirstIndex);
                }
            })).ToList();
            await Task.WhenAll(writers);
        }
        return 0;
    }

    public static RecordEvent Event(int process, int writer, long sequence) => new(
        "benchmark.appended",
        new JsonObject { ["role"] = "benchmark" },
        $"benchmark/{process}/{writer}",
        new JsonObject { ["process"] = process, ["writer"] = writer, ["sequence"] = sequence });
}
