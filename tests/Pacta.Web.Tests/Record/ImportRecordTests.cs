using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.ForumDocuments;
using Pacta.Core.Record;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Record;

/// <summary>
/// The record the web app's first-start import wrote: one event per imported entity, each canonical
/// and naming its subject, under a head whose root the stored hashes and the entries both give.
/// </summary>
public abstract class ImportRecordTests(PactaApp app)
{
    [Fact]
    public async Task SeededApp_HasOneEventPerImportedEntity()
    {
        await using var db = app.CreateDbContext();
        var expected = new Dictionary<string, int>
        {
            ["forum.imported"] = await db.Forums.CountAsync(),
            ["party.imported"] = await db.Parties.CountAsync(),
            ["organization.imported"] = await db.Organizations.CountAsync(),
            ["participation.changed"] = await db.ParticipationChanges.CountAsync(),
            ["plan.imported"] = await db.ActionPlans.CountAsync(),
            ["commitment.imported"] = await db.Commitments.CountAsync(),
        };

        var entries = await RecordCheck.AssertConsistentAsync(db);

        var types = entries.Select(e => JsonDocument.Parse(e.Bytes).RootElement.GetProperty("type").GetString()!)
            .GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.OrderBy(k => k.Key), types.OrderBy(k => k.Key));
        Assert.All(expected.Values, count => Assert.True(count > 0));
    }

    [Fact]
    public async Task SeededApp_EveryEventIsCanonicalAndNamesItsSubject()
    {
        await using var db = app.CreateDbContext();
        var subjects = new Dictionary<string, string>
        {
            ["forum.imported"] = "forum",
            ["party.imported"] = "party/",
            ["organization.imported"] = "organization/",
            ["participation.changed"] = "participation/",
            ["plan.imported"] = "plan/",
            ["commitment.imported"] = "commitment/",
        };

        foreach (var entry in await db.RecordEntries.AsNoTracking().OrderBy(e => e.Index).ToListAsync())
        {
            Assert.Equal(entry.Bytes, CanonicalJson.Canonicalize(entry.Bytes));
            var root = JsonDocument.Parse(entry.Bytes).RootElement;
            Assert.Equal(["actor", "data", "subject", "time", "type"], root.EnumerateObject().Select(p => p.Name));
            var type = root.GetProperty("type").GetString()!;
            Assert.StartsWith(subjects[type], root.GetProperty("subject").GetString(), StringComparison.Ordinal);
            Assert.Equal("""{"role":"operator","via":"import"}""", root.GetProperty("actor").GetRawText());
            var time = root.GetProperty("time").GetString()!;
            Assert.EndsWith("Z", time, StringComparison.Ordinal);
            Assert.True(DateTimeOffset.TryParse(time, System.Globalization.CultureInfo.InvariantCulture, out _), time);
        }
    }

    [Fact]
    public async Task SeededApp_CommitmentEvent_CarriesMilestonesAndInstitutions()
    {
        await using var db = app.CreateDbContext();
        var commitment = await db.Commitments.AsNoTracking().Include(c => c.Milestones).Include(c => c.SupportingInstitutions)
            .Where(c => c.Milestones.Count > 0).OrderBy(c => c.Code).FirstAsync();

        var data = await EventDataAsync(db, $"commitment/{commitment.Code}");

        Assert.Equal(commitment.Code, data.GetProperty("code").GetString());
        Assert.Equal(commitment.Milestones.Count, data.GetProperty("milestones").GetArrayLength());
        Assert.Equal(commitment.SupportingInstitutions.Count, data.GetProperty("supportingInstitutions").GetArrayLength());
        Assert.Equal(commitment.Title.Es, data.GetProperty("title").GetProperty("es").GetString());
        Assert.Equal("imported-from-public-sources", data.GetProperty("provenance").GetString());
    }

    [Theory]
    [InlineData("mx-forum.json")]
    [InlineData("sample-plan.json")]
    public async Task Reimport_OfASeedDocument_AppendsNothing(string file)
    {
        await using var db = app.CreateDbContext();
        var before = await db.SnapshotAsync();

        var result = await new ImportForumDocument(db).ExecuteAsync(file, await File.ReadAllBytesAsync(RepositoryFiles.Path("testdata", file)));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(before, await db.SnapshotAsync());
    }

    private static async Task<JsonElement> EventDataAsync(Pacta.Core.Data.PactaDbContext db, string subject)
    {
        var entries = await db.RecordEntries.AsNoTracking().ToListAsync();
        var root = Assert.Single(entries.Select(e => JsonDocument.Parse(e.Bytes).RootElement),
            r => r.GetProperty("subject").GetString() == subject);
        return root.GetProperty("data");
    }
}

public sealed class ImportRecordTestsOnSqlite(SqliteApp app) : ImportRecordTests(app), IClassFixture<SqliteApp>;

public sealed class ImportRecordTestsOnPostgres(PostgresApp app) : ImportRecordTests(app), IClassFixture<PostgresApp>;
