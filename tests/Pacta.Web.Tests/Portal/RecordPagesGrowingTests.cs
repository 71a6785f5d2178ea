using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Core.RecordStore;
using Pacta.Web.Record;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Portal;

/// <summary>
/// The record pages before the first checkpoint and as the record grows past it: a page links only entries a
/// signed checkpoint covers, and says so when there is none. Its own class: it signs and appends.
/// </summary>
public abstract class RecordPagesGrowingTests(PactaApp app)
{
    [Fact]
    public async Task Pages_BeforeAndAfterCheckpoints_LinkOnlySignedEntries()
    {
        // Before any checkpoint: the record page says so, an existing entry is "not yet signed", entity pages too.
        var record = await PortalPage.GetAsync(app, "/es/record");
        Assert.Equal(HttpStatusCode.OK, record.Status);
        Assert.Contains("Todavía no se ha firmado ningún punto de control", PortalPage.Text(record.Section("Último punto de control firmado")), StringComparison.Ordinal);
        Assert.Equal("Todavía no hay eventos en un punto de control firmado.", PortalPage.Text(record.Section("Eventos recientes").QuerySelector("p")));
        Assert.Empty(record.Document.QuerySelectorAll("table"));
        var key = app.Services.GetRequiredService<Pacta.Core.RecordKeys.RecordSigningKey>();
        Assert.Equal(key.VerifierKeyText, PortalPage.Text(record.Document.QuerySelector(".key-line")));

        var unsigned = await PortalPage.GetAsync(app, "/en/record/entries/0");
        Assert.Equal(HttpStatusCode.NotFound, unsigned.Status);
        Assert.Equal("Page not found", unsigned.Heading);
        Assert.Contains("Entry 0 exists but is not yet in a signed checkpoint.", PortalPage.Text(unsigned.Document.QuerySelector("main")), StringComparison.Ordinal);

        var commitment = await PortalPage.GetAsync(app, "/es/commitments/MX0081");
        Assert.Equal("Registro público: todavía no está en un punto de control firmado", PortalPage.Text(commitment.Document.QuerySelector(".provenance .record-entry")));
        Assert.Empty(commitment.Document.QuerySelectorAll(".record-entry a"));

        // Signed: the commitment links its one entry.
        var publisher = app.Services.GetRequiredService<CheckpointPublisher>();
        var size = await publisher.PublishOnceAsync() ?? throw new InvalidOperationException("nothing was signed");
        await using (var db = app.CreateDbContext())
        {
            var first = await db.RecordEntries.Where(e => e.Subject == "commitment/MX0081").Select(e => e.Index).SingleAsync();
            Assert.Equal($"/es/record/entries/{first}", await CommitmentLinkAsync());
        }

        // A newer entry about it, appended but not signed: the page keeps the signed one; the new entry's page says it is coming.
        await AppendAsync("commitment/MX0081");
        Assert.Equal($"/es/record/entries/{await OnlyEntryBelowAsync(size)}", await CommitmentLinkAsync());
        var pending = await PortalPage.GetAsync(app, $"/es/record/entries/{size}");
        Assert.Equal(HttpStatusCode.NotFound, pending.Status);
        Assert.Contains($"La entrada {size} ya existe, pero todavía no está en un punto de control firmado.", PortalPage.Text(pending.Document.QuerySelector("main")), StringComparison.Ordinal);
        Assert.DoesNotContain($"/es/record/entries/{size}", (await PortalPage.GetAsync(app, "/es/record")).Document.QuerySelectorAll("tbody a").Select(a => a.GetAttribute("href")));

        // Signed again: the page moves to the newest entry, which heads the record page.
        Assert.Equal(size + 1, await publisher.PublishOnceAsync());
        Assert.Equal($"/es/record/entries/{size}", await CommitmentLinkAsync());
        record = await PortalPage.GetAsync(app, "/es/record");
        Assert.Equal($"/es/record/entries/{size}", record.Document.QuerySelector("tbody tr a")?.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await PortalPage.GetAsync(app, $"/es/record/entries/{size}")).Status);
    }

    private async Task<string?> CommitmentLinkAsync() =>
        (await PortalPage.GetAsync(app, "/es/commitments/MX0081")).Document.QuerySelector(".provenance .record-entry a")?.GetAttribute("href");

    private async Task<long> OnlyEntryBelowAsync(long size)
    {
        await using var db = app.CreateDbContext();
        return await db.RecordEntries.Where(e => e.Subject == "commitment/MX0081" && e.Index < size).Select(e => e.Index).SingleAsync();
    }

    private async Task AppendAsync(string subject)
    {
        await using var db = app.CreateDbContext();
        await using var transaction = await db.BeginWriteTransactionAsync();
        await new RecordAppender(db, TimeProvider.System).AppendAsync(
            [new RecordEvent("test.append", new JsonObject { ["role"] = "test" }, subject, new JsonObject())]);
        await transaction.CommitAsync();
    }
}

public sealed class RecordPagesGrowingTestsOnSqlite(SqliteApp app) : RecordPagesGrowingTests(app), IClassFixture<SqliteApp>;

public sealed class RecordPagesGrowingTestsOnPostgres(PostgresApp app) : RecordPagesGrowingTests(app), IClassFixture<PostgresApp>;
