using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Core.Record.Merkle;
using Pacta.Core.Record.Notes;
using Pacta.Core.RecordKeys;
using Pacta.Core.RecordStore;
using Pacta.Web.Record;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Portal;

/// <summary>
/// The record's public pages as a reader sees them, with the seeded record signed once: each number, hash and
/// key on a page is checked against what /record serves and what the database stores, never against the page.
/// </summary>
public abstract partial class RecordPagesTests(PactaApp app)
{
    [Theory]
    [InlineData("es", "Tamaño", "44 entradas", "Hash raíz (base64)", "Firmado por")]
    [InlineData("en", "Size", "44 entries", "Root hash (base64)", "Signed by")]
    public async Task Record_ShowsTheCheckpointAndKeyThatRecordServes(string language, string sizeLabel, string size, string rootLabel, string signedByLabel)
    {
        await PublishAsync(app);
        using var client = app.CreateClient();
        var keyText = (await client.GetStringAsync("/record/key")).TrimEnd('\n');
        var note = await client.GetStringAsync("/record/checkpoint");
        var verifier = NoteVerifier.Parse(keyText);
        var checkpoint = CheckpointSigning.Verify(note, verifier);

        var page = await PortalPage.GetAsync(app, $"/{language}/record");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(size, PortalPage.Text(page.Fact(sizeLabel)));
        Assert.Equal(checkpoint.TreeSize.ToString(CultureInfo.InvariantCulture), size.Split(' ')[0]);
        Assert.Equal(Convert.ToBase64String(checkpoint.RootHash), PortalPage.Text(page.Fact(rootLabel)));
        Assert.Equal($"{verifier.Name}, {(language == "es" ? "ID de clave" : "key ID")} {verifier.KeyId:x8}", PortalPage.Text(page.Fact(signedByLabel)));
        Assert.Equal(keyText, PortalPage.Text(page.Document.QuerySelector(".key-line")));
        Assert.Equal(checkpoint.Origin, PortalPage.Text(page.Fact(language == "es" ? "Origen" : "Origin")));
        var links = page.Document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/record/checkpoint", links);
        Assert.Contains("/record/key", links);
        Assert.Contains($"/{language}/record/verify", links);
    }

    [Fact]
    public async Task Record_Pages_ListEveryEventNewestFirst25AtATime()
    {
        await PublishAsync(app);
        await using var db = app.CreateDbContext();
        var entries = await db.RecordEntries.AsNoTracking().OrderByDescending(e => e.Index).Select(e => new { e.Index, e.Subject }).ToListAsync();

        var first = await PortalPage.GetAsync(app, "/es/record");
        var second = await PortalPage.GetAsync(app, PagerLink(first, "Eventos anteriores →")!);

        Assert.Equal(entries.Take(25).Select(e => $"/es/record/entries/{e.Index}"), EntryLinks(first));
        Assert.Null(PagerLink(first, "← Eventos más recientes"));
        Assert.Equal("/es/record?before=19", PagerLink(first, "Eventos anteriores →"));
        Assert.Equal(entries.Skip(25).Select(e => $"/es/record/entries/{e.Index}"), EntryLinks(second));
        Assert.Equal("/es/record", PagerLink(second, "← Eventos más recientes"));
        Assert.Null(PagerLink(second, "Eventos anteriores →"));
        Assert.Equal("Entradas 43 a 19 de 44", PortalPage.Text(first.Document.QuerySelector("caption")));
    }

    [Fact]
    public async Task Record_EventRows_SayTheTypeInWordsAndLinkTheSubjectsPage()
    {
        await PublishAsync(app);

        var page = await PortalPage.GetAsync(app, "/en/record?before=1");

        var row = Assert.Single(page.Document.QuerySelectorAll("tbody tr"));
        Assert.Equal("0", PortalPage.Text(row.QuerySelector("td a")));
        Assert.Equal("Forum imported", PortalPage.Text(row.QuerySelector("th")));
        Assert.Equal(("forum", "/en/"), (PortalPage.Text(row.QuerySelectorAll("td")[1]), row.QuerySelectorAll("td")[1].QuerySelector("a")?.GetAttribute("href")));
        Assert.Matches(@"^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}:\d{2} UTC$", PortalPage.Text(row.QuerySelector("time")));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("-1")]
    [InlineData("1e3")]
    [InlineData("018")]
    [InlineData("0")]
    [InlineData("45")]
    [InlineData("99999999999999999999")]
    public async Task Record_BadOrUnknownPage_IsNotFoundInItsLanguage(string before)
    {
        await PublishAsync(app);

        var page = await PortalPage.GetAsync(app, $"/en/record?before={Uri.EscapeDataString(before)}");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.Heading);
        Assert.Equal("en", page.Document.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    [InlineData(42)]
    public async Task Entry_ShowsTheStoredBytesExactly(long index)
    {
        await PublishAsync(app);
        await using var db = app.CreateDbContext();
        var entry = await db.RecordEntries.AsNoTracking().SingleAsync(e => e.Index == index);

        var page = await PortalPage.GetAsync(app, $"/es/record/entries/{index}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"Entrada {index} del registro", page.Heading);
        // TextContent, not the collapsed reader's text: every byte, spaces included.
        Assert.Equal(Encoding.UTF8.GetString(entry.Bytes), Assert.Single(page.Document.QuerySelectorAll("pre.canonical-json")).TextContent);
        // The indented copy for reading is the same JSON, and is not mistaken for the signed bytes.
        using (var stored = JsonDocument.Parse(entry.Bytes))
        using (var readable = JsonDocument.Parse(page.Document.QuerySelector("pre.readable-json")!.TextContent))
            Assert.True(JsonElement.DeepEquals(stored.RootElement, readable.RootElement));
        Assert.NotEqual(Encoding.UTF8.GetString(entry.Bytes), page.Document.QuerySelector("pre.readable-json")!.TextContent);
        Assert.Equal(Convert.ToBase64String(entry.LeafHash), PortalPage.Text(page.Fact("Hash de hoja (base64)")));
        var subject = page.Fact("Sobre");
        Assert.Equal(entry.Subject, PortalPage.Text(subject));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    [InlineData(42)]
    public async Task Entry_ProofShown_VerifiesAgainstTheSignedRoot(long index)
    {
        await PublishAsync(app);
        using var client = app.CreateClient();
        var checkpoint = CheckpointSigning.Verify(await client.GetStringAsync("/record/checkpoint"),
            NoteVerifier.Parse((await client.GetStringAsync("/record/key")).TrimEnd('\n')));

        var page = await PortalPage.GetAsync(app, $"/en/record/entries/{index}");

        var leaf = Hash.Leaf(Encoding.UTF8.GetBytes(page.Document.QuerySelector("pre.canonical-json")!.TextContent));
        Assert.Equal(leaf.ToBase64(), PortalPage.Text(page.Fact("Leaf hash (base64)")));
        Assert.Equal("44 entries", PortalPage.Text(page.Fact("Size")));
        Assert.Equal(Convert.ToBase64String(checkpoint.RootHash), PortalPage.Text(page.Fact("Root hash (base64)")));
        Hash[] proof = [.. page.Document.QuerySelectorAll("ol.hash-list > li").Select(li => new Hash(Convert.FromBase64String(PortalPage.Text(li))))];
        Assert.Equal(MerkleTree.InclusionProofLength(index, checkpoint.TreeSize), proof.Length);
        Assert.Equal(ProofResult.Valid, MerkleProof.VerifyInclusion(index, checkpoint.TreeSize, leaf, proof, new Hash(checkpoint.RootHash)));
    }

    [Fact]
    public async Task Entry_InWords_NamesTypeActorAndSubjectPage()
    {
        await PublishAsync(app);
        await using var db = app.CreateDbContext();
        var index = await db.RecordEntries.Where(e => e.Subject == "commitment/MX0081").Select(e => e.Index).SingleAsync();

        var page = await PortalPage.GetAsync(app, $"/es/record/entries/{index}");

        Assert.Equal("Compromiso importado (commitment.imported)", PortalPage.Text(page.Fact("Evento")));
        Assert.Equal("Operador del servidor (por importación de un documento del foro)", PortalPage.Text(page.Fact("Quién actuó")));
        Assert.Equal("/es/commitments/MX0081", page.Fact("Sobre").QuerySelector("a")?.GetAttribute("href"));
        Assert.EndsWith(" UTC", PortalPage.Text(page.Fact("Fecha y hora (UTC)")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entry_LinksItsJsonItsBundleAndTheHowTo_AndTheyAnswer()
    {
        await PublishAsync(app);
        using var client = app.CreateClient();

        var page = await PortalPage.GetAsync(app, "/en/record/entries/5");

        var links = page.Section("Check it").QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(["/api/v1/record/entries/5", "/record/tile/entries/000.p/44", "/en/record/verify"], links);
        foreach (var link in links)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);
    }

    [Theory]
    [InlineData("es", "007")]
    [InlineData("en", "-1")]
    [InlineData("en", "1e3")]
    [InlineData("en", "+1")]
    [InlineData("es", "x")]
    [InlineData("en", "44")]
    [InlineData("es", "9223372036854775807")]
    [InlineData("en", "99999999999999999999")]
    public async Task Entry_NonCanonicalOrUnknownIndex_IsNotFoundInItsLanguage(string language, string index)
    {
        await PublishAsync(app);

        var page = await PortalPage.GetAsync(app, $"/{language}/record/entries/{Uri.EscapeDataString(index)}");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal(language == "es" ? "Página no encontrada" : "Page not found", page.Heading);
        Assert.Equal(language, page.Document.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("/es/commitments/MX0081", "commitment/MX0081")]
    [InlineData("/en/commitments/DEMO01", "commitment/DEMO01")]
    [InlineData("/es/plans/4", "plan/4")]
    [InlineData("/en/plans/99", "plan/99")]
    [InlineData("/es/parties/civil-society", "party/civil-society")]
    [InlineData("/en/parties/executive", "party/executive")]
    [InlineData("/es/", "forum")]
    public async Task EntityPage_ProvenanceLinksTheNewestSignedEntryOfItsSubject(string path, string subject)
    {
        await PublishAsync(app);
        var expected = await NewestSignedAsync(subject);

        var page = await PortalPage.GetAsync(app, path);

        var link = Assert.Single(page.Document.QuerySelectorAll(".provenance .record-entry a"));
        Assert.Equal($"{path[..3]}/record/entries/{expected}", link.GetAttribute("href"));
        Assert.Equal(path.StartsWith("/es", StringComparison.Ordinal) ? $"entrada {expected}" : $"entry {expected}", PortalPage.Text(link));
    }

    [Theory]
    [InlineData("/es/")]
    [InlineData("/en/parties/civil-society")]
    public async Task ParticipationHistory_EachChangeLinksTheEntryThatRecordedIt(string path)
    {
        await PublishAsync(app);
        await using var db = app.CreateDbContext();
        var changes = await db.ParticipationChanges.AsNoTracking().ToListAsync();

        var page = await PortalPage.GetAsync(app, path);

        var items = page.Document.QuerySelectorAll(".timeline > li").ToList();
        Assert.Equal(path == "/es/" ? changes.Count : changes.Count(c => c.PartyKey == "civil-society"), items.Count);
        foreach (var item in items)
        {
            var date = item.QuerySelector("time")!.GetAttribute("datetime");
            var change = Assert.Single(changes, c => c.Date.ToString() == date);
            var href = Assert.Single(item.QuerySelectorAll(".record-entry a")).GetAttribute("href");
            Assert.Equal($"{path[..3]}/record/entries/{await NewestSignedAsync(RecordSubjects.Participation(change))}", href);
        }
    }

    [Fact]
    public async Task Organizations_EachOrganizationLinksTheEntryThatRecordedIt()
    {
        await PublishAsync(app);
        await using var db = app.CreateDbContext();
        var expected = await db.RecordEntries.Where(e => e.Subject.StartsWith("organization/")).Select(e => e.Index).ToListAsync();

        var page = await PortalPage.GetAsync(app, "/en/organizations");

        var items = page.Document.QuerySelectorAll(".org-list > li").ToList();
        Assert.Equal(await db.Organizations.CountAsync(), items.Count);
        var linked = items.Select(li => Assert.Single(li.QuerySelectorAll(".record-entry a")).GetAttribute("href") ?? "").ToHashSet();
        Assert.Equal(expected.Select(i => $"/en/record/entries/{i}").ToHashSet(), linked);
    }

    [Theory]
    [InlineData("es")]
    [InlineData("en")]
    public async Task Verify_ShowsThisServersKeyOriginAndCommandsToPaste(string language)
    {
        await PublishAsync(app);
        var key = app.Services.GetRequiredService<RecordSigningKey>();

        var page = await PortalPage.GetAsync(app, $"/{language}/record/verify");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(key.VerifierKeyText, PortalPage.Text(page.Document.QuerySelector(".key-line")));
        Assert.Equal(key.Origin, PortalPage.Text(page.Fact(language == "es" ? "Origen" : "Origin")));
        // One option a line, each continued with a backslash: as a shell reads it, one command.
        Assert.Equal(
            [
                $"dotnet run --project src/Pacta.Cli -- verify --url http://localhost --key '{key.VerifierKeyText}' --state pacta-verify.json",
                $"dotnet run --project src/Pacta.Cli -- verify --log http://localhost/record --key '{key.VerifierKeyText}' --state pacta-verify.json",
            ],
            page.Document.QuerySelectorAll("pre").Select(p => p.TextContent.Replace(" \\\n  ", " ", StringComparison.Ordinal)));
        Assert.All(page.Document.QuerySelectorAll("pre"), p => Assert.All(p.TextContent.Split('\n')[..^1], line => Assert.EndsWith(" \\", line, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("/es/record", "es", "Registro público")]
    [InlineData("/en/record", "en", "Public record")]
    [InlineData("/es/record/entries/3", "es", "Entrada 3 del registro")]
    [InlineData("/en/record/entries/3", "en", "Record entry 3")]
    [InlineData("/es/record/verify", "es", "Cómo verificar el registro por su cuenta")]
    [InlineData("/en/record/verify", "en", "How to verify the record yourself")]
    public async Task RecordPage_InEachLanguage_HasItsLangHeadingNavLinkAndNoResourceKeyShowing(string path, string language, string heading)
    {
        await PublishAsync(app);

        var page = await PortalPage.GetAsync(app, path);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(language, page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, page.Heading);
        Assert.Equal(language == "es" ? "Registro" : "Record",
            PortalPage.Text(page.Document.QuerySelectorAll("nav a").Single(a => a.GetAttribute("href") == $"/{language}/record")));
        // A missing string shows as its name ("CheckpointRoot", "RecordEventType_plan.imported"): no word of the
        // page's prose (hashes, keys and JSON are in code elements) may look like one.
        var prose = (AngleSharp.Dom.IElement)page.Document.Body!.Clone();
        foreach (var code in prose.QuerySelectorAll("code, pre").ToList()) code.Remove();
        // Text node by text node: TextContent would glue "Actor" (a dt) to "Server" (its dd) into one word.
        var words = AngleSharp.Dom.NodeExtensions.GetDescendants(prose).OfType<AngleSharp.Dom.IText>().SelectMany(t => Words().Split(t.Data)).Where(w => w.Length > 0).ToList();
        Assert.DoesNotContain(words, w => ResourceName().IsMatch(w) && w != "OpenAPI");
    }

    /// <summary>The index of the newest entry about <paramref name="subject"/> that the newest checkpoint covers.</summary>
    private async Task<long> NewestSignedAsync(string subject)
    {
        await using var db = app.CreateDbContext();
        var size = await db.Checkpoints.MaxAsync(c => c.Size);
        return await db.RecordEntries.Where(e => e.Subject == subject && e.Index < size).MaxAsync(e => e.Index);
    }

    private static List<string?> EntryLinks(PortalPage page) =>
        page.Document.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.GetAttribute("href")).ToList();

    private static string? PagerLink(PortalPage page, string text) =>
        page.Document.QuerySelectorAll("nav.pager a").SingleOrDefault(a => PortalPage.Text(a) == text)?.GetAttribute("href");

    /// <summary>How Pacta's resource names look: PascalCase with two words or more, maybe a <c>_suffix</c>.</summary>
    [GeneratedRegex(@"^[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+(?:_[\w.\-]+)?$")]
    private static partial Regex ResourceName();

    [GeneratedRegex(@"[^\w.\-]+")]
    private static partial Regex Words();

    /// <summary>Signs the seeded head once; later calls find nothing new.</summary>
    internal static async Task PublishAsync(PactaApp app)
    {
        await app.Services.GetRequiredService<CheckpointPublisher>().PublishOnceAsync();
        await using var db = app.CreateDbContext();
        Assert.True(await db.Checkpoints.AnyAsync());
    }
}

public sealed class RecordPagesTestsOnSqlite(SqliteApp app) : RecordPagesTests(app), IClassFixture<SqliteApp>;

public sealed class RecordPagesTestsOnPostgres(PostgresApp app) : RecordPagesTests(app), IClassFixture<PostgresApp>;
