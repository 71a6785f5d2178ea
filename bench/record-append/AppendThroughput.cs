using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;
using Pacta.Core.RecordStore;

namespace Pacta.Bench.RecordAppend;

/// <summary>
/// Acknowledged appends per second and acknowledgment latency (p50, p99) for each number of concurrent
/// writers, each writer appending one event per operation and waiting for it to be durable before the
/// next. Through <see cref="RecordWriter"/> (group commit), or with <c>--direct</c> one transaction per
/// append with <see cref="RecordAppender"/> (what group commit is compared with).
/// </summary>
internal static class AppendThroughput
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        await options.PrepareAsync();
        var contextOptions = options.ContextOptions;
        Console.WriteLine($"record-append throughput: {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}, {Environment.ProcessorCount} cores, {options.Provider}, " +
            $"{(options.Direct ? "one transaction per append (RecordAppender)" : "group commit (RecordWriter)")}, warm-up {options.Warmup} s (then 2 s), {options.Seconds} s each");
        Console.WriteLine($"{"writers",8} {"appends/s",12} {"p50 ms",9} {"p99 ms",9} {"appends",9}");
        var first = true;
        foreach (var writers in options.Writers)
        {
            // The full warm-up once, for JIT tiering; then a short one so each count starts from full queues.
            var warmup = first ? options.Warmup : Math.Min(options.Warmup, 2);
            first = false;
            var writer = options.Direct ? null : new RecordWriter(() => new PactaDbContext(contextOptions), TimeProvider.System);
            try
            {
                var append = writer is null ? DirectAppend(contextOptions) : GroupAppend(writer);
                var warmupEnd = Stopwatch.GetTimestamp() + (long)(warmup * (double)Stopwatch.Frequency);
                var end = warmupEnd + (long)(options.Seconds * (double)Stopwatch.Frequency);
                var latencies = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
                {
                    var measured = new List<double>();
                    for (long i = 0; ; i++)
                    {
                        var start = Stopwatch.GetTimestamp();
                        if (start >= end) return measured;
                        await append(w, i);
                        if (start >= warmupEnd) measured.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    }
                })));
                var all = latencies.SelectMany(l => l).Order().ToArray();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{writers,8} {all.Length / (double)options.Seconds,12:N0} {Percentile(all, 0.50),9:N2} {Percentile(all, 0.99),9:N2} {all.Length,9:N0}"));
            }
            finally
            {
                if (writer is not null) await writer.DisposeAsync();
            }
        }
        await using var db = new PactaDbContext(contextOptions);
        Console.WriteLine($"record size now {(await db.RecordHeads.AsNoTracking().SingleAsync()).Size:N0}");
        return 0;
    }

    private static Func<int, long, Task> GroupAppend(RecordWriter writer) => (w, i) =>
        writer.WriteAsync((_, batch, _) =>
        {
            batch.Add(AppendLoop.Event(Environment.ProcessId, w, i));
            return Task.FromResult(true);
        });

    private static Func<int, long, Task> DirectAppend(DbContextOptions<PactaDbContext> contextOptions) => async (w, i) =>
    {
        await using var db = new PactaDbContext(contextOptions);
        await using var transaction = await db.BeginWriteTransactionAsync();
        await new RecordAppender(db, TimeProvider.System).AppendAsync([AppendLoop.Event(Environment.ProcessId, w, i)]);
        await transaction.CommitAsync();
    };

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
