// Writes a record of COUNT events into a fresh SQLite database in DATA_DIR, as fast as the database allows
// (one transaction, prepared inserts, the tree computed in memory with the record's own Merkle code), creates
// the record signing key there, signs and stores a checkpoint for the whole record, and prints the verifier key.
// Pacta.Web started on DATA_DIR then serves it at /record/, exactly as it would have after COUNT appends.
// Those events are no portal's public state: `pacta verify --log` passes on them, `--url` cannot.
//
// With --portal (commitment events, about 1.6 KB) or --portal-small (nine in ten organisation events), the
// record is instead written by the app's own import and append code and replays into exactly the state the
// entity tables hold (PortalRecord), so that `pacta verify --url` passes; slower to build.
//
//   dotnet run -c Release --project bench/record-verify -- DATA_DIR COUNT ORIGIN [--portal|--portal-small]
//
// `record-verify replay DATA_DIR` times the replay alone over an existing database's record (ReplayTiming).
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Pacta.Bench.RecordVerify;
using Pacta.Core.Data;
using Pacta.Core.Record;
using Pacta.Core.Record.Merkle;
using Pacta.Core.RecordKeys;

if (args is ["replay", var replayDirectory])
{
    var existing = Path.GetFullPath(replayDirectory);
    Console.WriteLine(await ReplayTiming.RunAsync(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(existing, "pacta.db")}", existing)));
    return 0;
}
if (args.Length is not (3 or 4) || !long.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
    || (args.Length == 4 && args[3] is not ("--portal" or "--portal-small")))
{
    Console.Error.WriteLine("usage: record-verify DATA_DIR COUNT ORIGIN [--portal|--portal-small]");
    return 2;
}
var directory = Path.GetFullPath(args[0]);
var origin = args[2];
Directory.CreateDirectory(directory);
var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "pacta.db")}", directory);
var clock = Stopwatch.StartNew();

await using (var db = settings.CreateContext())
{
    await db.Database.MigrateAsync();
}

if (args.Length == 4)
{
    // Run from the repository's root (run.sh does), where testdata/ is.
    var portal = new PortalRecord(settings, Directory.GetCurrentDirectory());
    var written = await portal.WriteAsync(count, small: args[3] == "--portal-small", message => Console.Error.WriteLine(message));
    var verifierKey = await portal.SignAsync(origin);
    Console.Error.WriteLine($"record-verify: {written:N0} events written in {clock.Elapsed.TotalSeconds:0.0} s");
    Console.WriteLine(verifierKey);
    return 0;
}

using var connection = new SqliteConnection(settings.ConnectionString);
await connection.OpenAsync();
using (var pragma = connection.CreateCommand())
{
    // A throwaway database: durability is not what is measured here, serving it is.
    pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA journal_mode=WAL;";
    await pragma.ExecuteNonQueryAsync();
}
using var transaction = connection.BeginTransaction();
using var insertEntry = Prepare("INSERT INTO \"RecordEntries\" (\"Index\", \"Bytes\", \"LeafHash\", \"Subject\") VALUES ($a, $b, $c, $d)");
using var insertHash = Prepare("INSERT INTO \"RecordHashes\" (\"Level\", \"Index\", \"Hash\") VALUES ($a, $b, $c)");

var tree = new MemoryHashStore();
var time = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
for (long i = 0; i < count; i++)
{
    // About the size of the record's real events (an organisation's, a party's): 250-300 bytes of canonical JSON.
    var subject = $"organization/Bench {i}";
    var bytes = CanonicalJson.Serialize(new JsonObject
    {
        ["type"] = "organization.imported",
        ["time"] = time,
        ["actor"] = new JsonObject { ["role"] = "operator", ["via"] = "bench" },
        ["subject"] = subject,
        ["data"] = new JsonObject
        {
            ["fictional"] = true,
            ["name"] = new JsonObject { ["en"] = $"Benchmark organisation number {i}", ["es"] = $"Organización de prueba número {i}" },
            ["party"] = "civil-society",
            ["position"] = i,
            ["shortName"] = $"Bench {i}",
        },
    });
    var leaf = Hash.Leaf(bytes);
    insertEntry.Parameters["$d"].Value = subject;
    Run(insertEntry, i, bytes, leaf.ToArray());
    foreach (var stored in MerkleTree.Append(i, leaf, tree))
    {
        tree.Store(stored);
        Run(insertHash, stored.Position.Level, stored.Position.Index, stored.Hash.ToArray());
    }
}
var root = MerkleTree.Root(count, tree);
using (var head = Prepare("UPDATE \"RecordHead\" SET \"Size\" = $a, \"Root\" = $b WHERE \"Id\" = 1"))
{
    head.Parameters["$a"].Value = count;
    head.Parameters["$b"].Value = root.ToArray();
    await head.ExecuteNonQueryAsync();
}
using var key = RecordSigningKey.Create(Path.Combine(directory, RecordSettings.DefaultKeyFileName), origin);
using (var checkpoint = Prepare("INSERT INTO \"Checkpoints\" (\"Size\", \"Text\") VALUES ($a, $b)"))
{
    checkpoint.Parameters["$a"].Value = count;
    checkpoint.Parameters["$b"].Value = CheckpointSigning.Sign(key, count, root);
    await checkpoint.ExecuteNonQueryAsync();
}
transaction.Commit();
Console.Error.WriteLine($"record-verify: {count:N0} events written in {clock.Elapsed.TotalSeconds:0.0} s");
Console.WriteLine(key.VerifierKeyText);
return 0;

SqliteCommand Prepare(string sql)
{
    var command = connection.CreateCommand();
    command.Transaction = transaction;
    command.CommandText = sql;
    foreach (var name in (string[])["$a", "$b", "$c", "$d"])
        if (sql.Contains(name, StringComparison.Ordinal)) command.Parameters.AddWithValue(name, DBNull.Value);
    return command;
}

static void Run(SqliteCommand command, long a, object b, byte[] c)
{
    command.Parameters["$a"].Value = a;
    command.Parameters["$b"].Value = b;
    command.Parameters["$c"].Value = c;
    command.ExecuteNonQuery();
}
