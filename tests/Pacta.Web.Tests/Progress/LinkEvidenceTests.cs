using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;
using Pacta.Core.Progress;
using Pacta.Web.Tests.Infrastructure;
using Pacta.Web.Tests.Verify;
using static Pacta.Web.Tests.People.PeopleTesting;

namespace Pacta.Web.Tests.Progress;

/// <summary>
/// A progress report's links fetched and hashed (<c>Pacta:Progress:FetchLinks</c> on) from a server on 127.0.0.1 that
/// each test starts: the hash stored, published, shown and agreed by <c>pacta verify --url</c>; a link that cannot be
/// fetched stored without one, the reporter told why; a redirect into another private address refused without a request.
/// </summary>
public abstract class LinkEvidenceTests(PactaApp app) : IAsyncDisposable
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"u8.ToArray();
    private const string ReportPath = "/es/commitments/DEMO01/milestones/1/report";
    private readonly LinkServer _server = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("pacta-links-").FullName;

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Report_WithAFetchedLink_StoresShowsAndPublishesItsHash_AndVerifyAgrees()
    {
        _server.Serve("/informe.pdf", Pdf, "text/html").Redirect("/informe", "/informe.pdf", 301);
        var agency = await app.SignInAsync(await app.CreateMemberAsync("AGE"));
        var link = _server.Link("/informe");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Pdf));

        var (status, _, location) = await ReportAsync(agency, link);

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.EndsWith("/es/commitments/DEMO01#milestone-1", location, StringComparison.Ordinal);
        Assert.Equal(1, _server.RequestsTo("/informe.pdf"));
        var evidence = await EvidenceAsync(link);
        Assert.Equal((EvidenceKind.Link, hash, (long?)Pdf.Length, "application/pdf"), (evidence.Kind, evidence.Sha256, evidence.Size, evidence.MediaType));

        var (_, page, _) = await GetAsync(agency, "/es/commitments/DEMO01");
        var item = page.QuerySelectorAll(".evidence li").Single(li => li.QuerySelector($"a[href='{link}']") is not null);
        Assert.Equal(hash, item.QuerySelector(".hash code")?.TextContent);
        Assert.Contains("SHA-256 de lo obtenido al reportar", Text(item), StringComparison.Ordinal);
        Assert.Contains("application/pdf", Text(item), StringComparison.Ordinal);
        var (_, english, _) = await GetAsync(agency, "/en/commitments/DEMO01");
        Assert.Contains("SHA-256 of what was fetched when reported", Text(english.QuerySelectorAll(".evidence li").Single(li => li.QuerySelector($"a[href='{link}']") is not null)), StringComparison.Ordinal);

        using (var api = await app.CreateClient().GetAsync(new Uri("/api/v1/plans/99/progress", UriKind.Relative)))
        {
            using var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
            var shown = json.RootElement.EnumerateArray().SelectMany(r => r.GetProperty("evidence").EnumerateArray()).Single(e => e.GetProperty("url").GetString() == link);
            Assert.Equal(hash, shown.GetProperty("sha256").GetString());
            Assert.Equal(Pdf.Length, shown.GetProperty("size").GetInt64());
            Assert.Equal("application/pdf", shown.GetProperty("mediaType").GetString());
        }
        await using (var db = app.CreateDbContext())
        {
            var bytes = await db.RecordEntries.AsNoTracking().Where(e => e.Subject == ProgressEvents.ReportSubject(evidence.ReportId)).Select(e => e.Bytes).SingleAsync();
            var entry = System.Text.Encoding.UTF8.GetString(bytes);
            Assert.Contains($"\"mediaType\":\"application/pdf\",\"name\":null,\"sha256\":\"{hash}\",\"size\":{Pdf.Length},\"url\":\"{link}\"", entry, StringComparison.Ordinal);
        }

        await app.PublishAsync();
        var result = await VerifyRun.AgainstAsync(app, "--url", "http://localhost", "--key", app.VerifierKey(), "--state", Path.Combine(_directory, "state.json"));
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Report_WithLinksThatCannotBeFetched_IsStoredWithoutTheirHashes_AndSaysWhy()
    {
        var big = new byte[4097];
        _server.Serve("/grande.pdf", [.. Pdf, .. big], chunked: true).Status("/no-existe", 404).Serve("/bien.pdf", Pdf);
        var agency = await app.SignInAsync(await app.CreateMemberAsync("AGE"));
        string[] links = [_server.Link("/grande.pdf"), _server.Link("/no-existe"), _server.Link("/bien.pdf")];

        var (status, _, location) = await ReportAsync(agency, links);

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.StartsWith(ReportPath + "?stored=", location, StringComparison.Ordinal);
        var stored = await Task.WhenAll(links.Select(EvidenceAsync));
        Assert.Equal((null, null, null), (stored[0].Sha256, stored[0].Size, stored[0].MediaType));
        Assert.Equal((null, null), (stored[1].Sha256, stored[1].Size));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), stored[2].Sha256);
        var (shownStatus, page, _) = await GetAsync(agency, location);
        Assert.Equal(HttpStatusCode.OK, shownStatus);
        var notice = page.QuerySelector("[role=status]");
        Assert.Contains("Reporte guardado y publicado", Text(notice), StringComparison.Ordinal);
        var reasons = notice!.QuerySelectorAll(".not-fetched li").Select(Text).ToList();
        Assert.Equal([$"{links[0]}: el contenido pasa de 4,096 bytes", $"{links[1]}: el servidor respondió con el código HTTP 404"], reasons);

        // Another member, or another report's address, learns nothing from the same address.
        var other = await app.SignInAsync(await app.CreateMemberAsync("AGE"));
        var (_, otherPage, _) = await GetAsync(other, location);
        Assert.Null(otherPage.QuerySelector(".not-fetched"));
        Assert.NotNull(otherPage.QuerySelector("form textarea#report-links"));
    }

    [Fact]
    public async Task Report_WithALinkRedirectingToAPrivateAddress_DoesNotFetchIt()
    {
        // The app allows 127.0.0.1 only; 127.0.0.2 is as private as the operator's intranet, or 169.254.169.254.
        await using var inside = new LinkServer("127.0.0.2");
        inside.Serve("/secreto", Pdf);
        _server.Redirect("/salida", inside.Link("/secreto")).Redirect("/metadatos", "http://169.254.169.254/latest/meta-data/");
        var agency = await app.SignInAsync(await app.CreateMemberAsync("AGE"));
        string[] links = [_server.Link("/salida"), _server.Link("/metadatos"), inside.Link("/secreto")];

        var (status, _, location) = await ReportAsync(agency, links);

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal(0, inside.Requests);
        Assert.All(await Task.WhenAll(links.Select(EvidenceAsync)), e => Assert.Null(e.Sha256));
        var (_, page, _) = await GetAsync(agency, location);
        Assert.All(page.QuerySelectorAll(".not-fetched li").Select(Text), reason => Assert.EndsWith("su dirección es de una red privada o reservada, que Pacta no consulta", reason, StringComparison.Ordinal));
        Assert.Equal(3, page.QuerySelectorAll(".not-fetched li").Length);
    }

    [Fact]
    public async Task Report_RefusedForItsAuthor_FetchesNothing()
    {
        _server.Serve("/informe.pdf", Pdf);
        var outsider = await app.SignInAsync(await app.CreateMemberAsync("Fundar"));

        var (status, _, _) = await ReportAsync(outsider, _server.Link("/informe.pdf"));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(0, _server.Requests);
    }

    private static Task<(HttpStatusCode Status, AngleSharp.Html.Dom.IHtmlDocument Page, string Location)> ReportAsync(HttpClient client, params string[] links) =>
        PostFormWithLocationAsync(client, ReportPath, "report",
            ("Report.Completion", "limited"), ("Report.NarrativeEs", "Se publicó el informe."), ("Report.Links", string.Join('\n', links)));

    private async Task<Evidence> EvidenceAsync(string url)
    {
        await using var db = app.CreateDbContext();
        return await db.Evidence.AsNoTracking().SingleAsync(e => e.Url == url);
    }
}

/// <summary>
/// Fetching off, as by default (<c>Pacta:Progress:FetchLinks</c> not set), in an app that would otherwise be allowed to
/// reach the tests' server (<c>FetchPrivateAddresses</c>): only the default keeps the request from being made.
/// </summary>
public abstract class LinkFetchingOffTests(PactaApp app)
{
    [Fact]
    public async Task Report_WithALink_WhenFetchingIsOff_StoresNoHashAndMakesNoRequest()
    {
        await using var server = new LinkServer();
        server.Serve("/informe.pdf", "%PDF-1.7\n"u8.ToArray());
        var link = server.Link("/informe.pdf");
        var agency = await app.SignInAsync(await app.CreateMemberAsync("AGE"));

        var (status, _, location) = await PostFormWithLocationAsync(agency, "/es/commitments/DEMO01/milestones/1/report", "report",
            ("Report.Completion", "limited"), ("Report.NarrativeEs", "Avance."), ("Report.Links", link));

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.EndsWith("/es/commitments/DEMO01#milestone-1", location, StringComparison.Ordinal);
        Assert.Equal(0, server.Requests);
        await using (var db = app.CreateDbContext())
        {
            var evidence = await db.Evidence.AsNoTracking().SingleAsync(e => e.Url == link);
            Assert.Equal((null, null, null), (evidence.Sha256, evidence.Size, evidence.MediaType));
        }
        var (_, page, _) = await GetAsync(agency, "/es/commitments/DEMO01");
        Assert.Null(page.QuerySelectorAll(".evidence li").Single(li => li.QuerySelector($"a[href='{link}']") is not null).QuerySelector(".hash"));
        var (_, form, _) = await GetAsync(agency, "/es/commitments/DEMO01/milestones/1/report");
        Assert.DoesNotContain("Pacta obtiene cada enlace", Text(form.QuerySelector("#report-links-hint")), StringComparison.Ordinal);
    }
}

/// <summary>A seeded app with private addresses allowed and fetching left off.</summary>
public sealed class LinksOffSqliteApp() : PactaApp(DatabaseProvider.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Pacta:Progress:FetchPrivateAddresses", "true");
    }
}

/// <inheritdoc cref="LinksOffSqliteApp"/>
public sealed class LinksOffPostgresApp() : PactaApp(DatabaseProvider.Postgres)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Pacta:Progress:FetchPrivateAddresses", "true");
    }
}

public sealed class LinkFetchingOffTestsOnSqlite(LinksOffSqliteApp app) : LinkFetchingOffTests(app), IClassFixture<LinksOffSqliteApp>;

public sealed class LinkFetchingOffTestsOnPostgres(LinksOffPostgresApp app) : LinkFetchingOffTests(app), IClassFixture<LinksOffPostgresApp>;

/// <summary>A seeded app that fetches links, allowing the loopback address 127.0.0.1 (the tests' server) and no other private one.</summary>
public sealed class LinkFetchingSqliteApp() : PactaApp(DatabaseProvider.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        LinkFetching.Configure(builder);
    }
}

/// <inheritdoc cref="LinkFetchingSqliteApp"/>
public sealed class LinkFetchingPostgresApp() : PactaApp(DatabaseProvider.Postgres)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        LinkFetching.Configure(builder);
    }
}

internal static class LinkFetching
{
    public static void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Pacta:Progress:FetchLinks", "true");
        builder.UseSetting("Pacta:Progress:FetchAllowedNetworks:0", "127.0.0.1/32");
        builder.UseSetting("Pacta:Progress:FetchMaxBytes", "4096");
        builder.UseSetting("Pacta:Progress:FetchTimeoutSeconds", "10");
    }
}

public sealed class LinkEvidenceTestsOnSqlite(LinkFetchingSqliteApp app) : LinkEvidenceTests(app), IClassFixture<LinkFetchingSqliteApp>;

public sealed class LinkEvidenceTestsOnPostgres(LinkFetchingPostgresApp app) : LinkEvidenceTests(app), IClassFixture<LinkFetchingPostgresApp>;
