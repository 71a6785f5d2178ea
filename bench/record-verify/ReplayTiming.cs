using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Pacta.Core.Data;
using Pacta.Core.Verification.Replay;

namespace Pacta.Bench.RecordVerify;

/// <summary>
/// Times <see cref="PublicStateReplay"/> alone over a database's record, read in index order from the file:
/// what the replay costs the verifier, without HTTP, hashing or the comparison (one thread, wall time of the calls).
/// </summary>
internal static class ReplayTiming
{
    public static async Task<string> RunAsync(DatabaseSettings settings)
    {
        using var connection = new SqliteConnection(settings.ConnectionString);
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Index\", \"Bytes\" FROM \"RecordEntries\" ORDER BY \"Index\"";
        // Streamed, not loaded: a million commitment events are 2 GB. Only the Apply calls are timed.
        var replay = new PublicStateReplay();
        var applying = new Stopwatch();
        long count = 0, bytes = 0;
        using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var entry = (byte[])reader.GetValue(1);
                bytes += entry.Length;
                applying.Start();
                replay.Apply(count++, entry);
                applying.Stop();
            }
        }
        return $"replayed {count:N0} entries ({bytes / 1e6:N0} MB) into {replay.State.Entities.Count:N0} entities in {applying.Elapsed.TotalSeconds:0.00} s of Apply calls, {replay.Problems.Count} problems";
    }
}
