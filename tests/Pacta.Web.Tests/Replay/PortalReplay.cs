using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Verification.Replay;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Replay;

/// <summary>What a verifier does with a portal, with the database's entries standing in for the fetched ones.</summary>
internal static class PortalReplay
{
    /// <summary>Replays every entry of the app's record, read in index order from <c>RecordEntries</c>.</summary>
    public static async Task<PublicStateReplay> ReplayAsync(PactaApp app)
    {
        await using var db = app.CreateDbContext();
        var replay = new PublicStateReplay();
        foreach (var entry in await db.RecordEntries.AsNoTracking().OrderBy(e => e.Index).ToListAsync())
            replay.Apply(entry.Index, entry.Bytes);
        return replay;
    }

    /// <summary>Replays the record and compares it with the app's open data API.</summary>
    public static async Task<IReadOnlyList<Difference>> CompareAsync(PactaApp app)
    {
        var replay = await ReplayAsync(app);
        Assert.Empty(replay.Problems);
        using var client = app.CreateClient();
        return await PortalComparison.CompareAsync(client, replay.State);
    }

    /// <summary>The index of the latest entry about <paramref name="subject"/>, found by reading the entries directly.</summary>
    public static async Task<long> LatestEntryAsync(PactaApp app, string subject)
    {
        await using var db = app.CreateDbContext();
        var entries = await db.RecordEntries.AsNoTracking().OrderBy(e => e.Index).ToListAsync();
        return entries.Last(e => JsonDocument.Parse(e.Bytes).RootElement.GetProperty("subject").GetString() == subject).Index;
    }

    /// <summary>Runs SQL on the app's database, as an operator with a database client would, with no event.</summary>
    public static async Task TamperAsync(PactaApp app, string sql, string? parameter = null, int rows = 1)
    {
        await using var db = app.CreateDbContext();
        Assert.Equal(rows, parameter is null ? await db.Database.ExecuteSqlRawAsync(sql) : await db.Database.ExecuteSqlRawAsync(sql, parameter));
    }

    /// <summary>Differences as "subject field" lines, for exact assertions.</summary>
    public static string[] Lines(IEnumerable<Difference> differences) =>
        [.. differences.Select(d => d.Kind == DifferenceKind.FieldDiffers ? $"{d.Subject} {d.Field}" : $"{d.Subject} {d.Kind}")];
}
