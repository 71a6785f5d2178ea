using Pacta.Bench.RecordAppend;

// record-append: durable appends through RecordWriter (throughput, latency), inclusion proofs read from
// the database, and the appending loop the crash and two-process tests kill. Prints figures; it never
// passes or fails on timing. Usage: bench/README.md.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync($"record-append: {e.Message}{Environment.NewLine}{BenchOptions.Usage}");
    return 2;
}

return options.Command switch
{
    "loop" => await AppendLoop.RunAsync(options),
    "throughput" => await AppendThroughput.RunAsync(options),
    "proofs" => await ProofLatency.RunAsync(options),
    _ => throw new InvalidOperationException("unreachable: the command was checked when parsing"),
};
