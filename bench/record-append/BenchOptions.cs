using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;

namespace Pacta.Bench.RecordAppend;

/// <summary>The command line: <c>COMMAND --provider sqlite|postgres --connection CS [options]</c>.</summary>
internal sealed record BenchOptions(
    string Command,
    DatabaseProvider Provider,
    string Connection,
    IReadOnlyList<int> Writers,
    long Count,
    int Seconds,
    int Warmup,
    long Entries,
    int Proofs,
    bool Direct,
    bool Migrate)
{
    public const string Usage = """
        usage: record-append loop       --provider sqlite|postgres --connection CS [--writers 8] [--count N] [--migrate]
               record-append throughput --provider sqlite|postgres --connection CS [--writers 1,16,64,256] [--seconds 10] [--warmup 5] [--direct]
               record-append proofs     --provider sqlite|postgres --connection CS [--entries 1000000] [--proofs 20000]
        """;

    public static BenchOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("loop" or "throughput" or "proofs")) throw new ArgumentException("unknown or missing command");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] is "--direct" or "--migrate") flags.Add(args[i]);
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length) values[args[i]] = args[++i];
            else throw new ArgumentException($"unexpected argument '{args[i]}'");
        }
        var provider = values.GetValueOrDefault("--provider") switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" => DatabaseProvider.Postgres,
            _ => throw new ArgumentException("--provider must be sqlite or postgres"),
        };
        var connection = values.GetValueOrDefault("--connection") ?? throw new ArgumentException("--connection is required");
        var defaultWriters = args[0] == "loop" ? "8" : "1,16,64,256";
        return new BenchOptions(
            args[0], provider, connection,
            [.. (values.GetValueOrDefault("--writers") ?? defaultWriters).Split(',').Select(w => (int)Number(w))],
            Number(values.GetValueOrDefault("--count") ?? long.MaxValue.ToString(CultureInfo.InvariantCulture)),
            (int)Number(values.GetValueOrDefault("--seconds") ?? "10"),
            (int)Number(values.GetValueOrDefault("--warmup") ?? "5"),
            Number(values.GetValueOrDefault("--entries") ?? "1000000"),
            (int)Number(values.GetValueOrDefault("--proofs") ?? "20000"),
            flags.Contains("--direct"),
            flags.Contains("--migrate"));
    }

    private static long Number(string text) => long.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>The app's own settings, so SQLite runs with its WAL and <c>synchronous=FULL</c> interceptor.</summary>
    public DatabaseSettings Settings => new(Provider, Connection, Path.GetTempPath());

    public DbContextOptions<PactaDbContext> ContextOptions
    {
        get
        {
            var builder = new DbContextOptionsBuilder<PactaDbContext>();
            Settings.Configure(builder);
            return builder.Options;
        }
    }

    /// <summary>Migrates as the web app does at start (WAL first on SQLite), then checks WAL and synchronous=FULL hold.</summary>
    public async Task PrepareAsync()
    {
        await using var db = Settings.CreateContext();
        if (Migrate || Command != "loop")
        {
            await SqliteDurability.EnsureAsync(db);
            await db.Database.MigrateAsync();
        }
        await SqliteDurability.EnsureAsync(db);
    }
}
