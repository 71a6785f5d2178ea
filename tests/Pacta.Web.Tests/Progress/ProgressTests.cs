using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.People;
using Pacta.Web.Tests.Infrastructure;
using Pacta.Web.Tests.Verify;
using static Pacta.Web.Tests.Agreements.AgreementTesting;
using static Pacta.Web.Tests.People.PeopleTesting;

namespace Pacta.Web.Tests.Progress;

/// <summary>
/// Progress on a milestone of the fictional sample plan: a report with a file and a link, another party's dispute and
/// the answer, shown on the commitment page, served and published; bad uploads refused naming what is wrong.
/// </summary>
public abstract class ProgressTests(PactaApp app) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("pacta-progress-").FullName;
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"u8.ToArray();

    public void Dispose()
    {
        Directory.Delete(directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Report_WithAFileAndALink_IsShownServedDisputedAnswered_AndVerifyAgrees()
    {
        // DEMO01's milestone 1 is the responsibility of AGE (fictional executive agency).
        var agency = await app.SignInAsync(await app.CreateMemberAsync("AGE"));
        var collective = await app.SignInAsync(await app.CreateMemberAsync("Colectivo Ejemplo"));
        var (status, location) = await ReportAsync(agency, "DEMO01", 1, ("Report.Completion", "substantial"), ("Report.NarrativeEs", "Se publicó el diagnóstico."),
            ("Report.Links", "https://example.org/diagnostico"));
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.EndsWith("/es/commitments/DEMO01#milestone-1", location, StringComparison.Ordinal);

        var hash = Convert.ToHexStringLower(SHA256.HashData(Pdf));
        using (var file = await app.CreateClient().GetAsync(new Uri($"/evidence/{hash}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
            Assert.Equal(Pdf, await file.Content.ReadAsByteArrayAsync());
            Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(Pdf))}:", file.Headers.GetValues("Repr-Digest").Single());
            Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        }

        var (_, page, _) = await GetAsync(collective, "/es/commitments/DEMO01");
        var card = page.QuerySelector("#milestone-1 + ul .card")!;
        Assert.Contains("Sustancial", Text(card), StringComparison.Ordinal);
        Assert.Contains("Reportado por AGE", Text(card), StringComparison.Ordinal);
        Assert.Equal(hash, card.QuerySelector(".evidence code")?.TextContent);

        // Civil society disputes; the agency answers; both show beside the report.
        var disputePath = card.QuerySelector("a[href$='/dispute']")!.GetAttribute("href")!;
        var (disputed, _, _) = await PostFormWithLocationAsync(collective, disputePath, "dispute", ("Input.Text", "El diagnóstico no está publicado en el portal."));
        Assert.Equal(HttpStatusCode.Redirect, disputed);
        var (_, withDispute, _) = await GetAsync(agency, "/es/commitments/DEMO01");
        var answerPath = withDispute.QuerySelector(".dispute a[href$='/answer']")!.GetAttribute("href")!;
        var (answered, _, _) = await PostFormWithLocationAsync(agency, answerPath, "dispute", ("Input.Text", "Está en la sección de datos abiertos."));
        Assert.Equal(HttpStatusCode.Redirect, answered);
        var (_, answeredPage, _) = await GetAsync(agency, "/es/commitments/DEMO01");
        var dispute = Text(answeredPage.QuerySelector(".dispute"));
        Assert.Contains("Controversia de Colectivo Ejemplo: El diagnóstico no está publicado en el portal.", dispute, StringComparison.Ordinal);
        Assert.Contains("Respuesta de AGE: Está en la sección de datos abiertos.", dispute, StringComparison.Ordinal);

        // The agency may not dispute its own party's report.
        Assert.Null(answeredPage.QuerySelector("#milestone-1 + ul .card a[href$='/dispute']"));
        var (ownParty, ownPartyPage, _) = await PostFormWithLocationAsync(agency, disputePath, "dispute", ("Input.Text", "Una controversia propia."));
        Assert.Equal(HttpStatusCode.Forbidden, ownParty);
        Assert.Contains("Es un reporte de tu propia parte", Text(ownPartyPage.QuerySelector("[role=alert]")), StringComparison.Ordinal);

        using (var api = await app.CreateClient().GetAsync(new Uri("/api/v1/plans/99/progress", UriKind.Relative)))
        {
            using var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
            var report = json.RootElement.EnumerateArray().Single(r => r.GetProperty("commitment").GetString() == "DEMO01");
            Assert.Equal("substantial", report.GetProperty("completion").GetString());
            Assert.Equal(["file", "link"], report.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
            Assert.Equal("AGE", report.GetProperty("disputes")[0].GetProperty("answeredBy").GetString());
        }

        await app.PublishAsync();
        var result = await VerifyRun.AgainstAsync(app, "--url", "http://localhost", "--key", app.VerifierKey(), "--state", Path.Combine(directory, "state.json"));
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Theory]
    [InlineData("programa.pdf", new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03 }, "programa.pdf: su contenido no es de un tipo aceptado")]
    [InlineData("../../etc/informe.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, "file0: el nombre del archivo contiene una carpeta")]
    public async Task Report_WithABadFile_IsRefusedNamingIt_AndKeepsNothing(string name, byte[] content, string message)
    {
        var agency = await app.SignInAsync(await app.CreateMemberAsync("AGE"));
        int before;
        await using (var db = app.CreateDbContext()) before = await db.ProgressReports.CountAsync();

        var (status, page) = await ReportWithFileAsync(agency, name, content);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, page, StringComparison.Ordinal);
        await using var after = app.CreateDbContext();
        Assert.Equal(before, await after.ProgressReports.CountAsync());
    }

    [Fact]
    public async Task Report_ByAnOrganisationOutsideTheCommitment_IsRefused()
    {
        var outsider = await app.SignInAsync(await app.CreateMemberAsync("Fundar"));

        var (status, _) = await ReportAsync(outsider, "DEMO01", 1, ("Report.Completion", "complete"), ("Report.NarrativeEs", "Terminado."));

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task Report_WithALinkThatIsNotHttp_IsRefused()
    {
        var agency = await app.SignInAsync(await app.CreateMemberAsync("AGE"));

        var (status, location) = await ReportAsync(agency, "DEMO01", 1, ("Report.Completion", "limited"), ("Report.NarrativeEs", "Avance."), ("Report.Links", "javascript:alert(1)"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("", location);
    }

    private static async Task<(HttpStatusCode Status, string Location)> ReportAsync(HttpClient client, string code, int milestone, params (string Name, string Value)[] fields)
    {
        var path = $"/es/commitments/{code}/milestones/{milestone}/report";
        var (content, _) = await MultipartAsync(client, path, fields, ("doc.pdf", Pdf));
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery + l.Fragment : l.OriginalString) : "";
        return (response.StatusCode, location);
    }

    private static async Task<(HttpStatusCode, string)> ReportWithFileAsync(HttpClient client, string name, byte[] content)
    {
        const string path = "/es/commitments/DEMO01/milestones/1/report";
        var (form, _) = await MultipartAsync(client, path, [("Report.Completion", "limited"), ("Report.NarrativeEs", "Avance.")], (name, content));
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), form);
        return (response.StatusCode, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")?.TextContent ?? "");
    }

    private static async Task<(MultipartFormDataContent, string)> MultipartAsync(HttpClient client, string path, (string Name, string Value)[] fields, (string Name, byte[] Bytes) file)
    {
        var (_, page, _) = await GetAsync(client, path);
        var form = page.QuerySelector("form[enctype='multipart/form-data']")!;
        var content = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]")) content.Add(new StringContent(hidden.GetAttribute("value") ?? ""), hidden.GetAttribute("name")!);
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        var bytes = new ByteArrayContent(file.Bytes);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(bytes, "file0", file.Name);
        return (content, path);
    }
}

public sealed class ProgressTestsOnSqlite(SqliteApp app) : ProgressTests(app), IClassFixture<SqliteApp>;

public sealed class ProgressTestsOnPostgres(PostgresApp app) : ProgressTests(app), IClassFixture<PostgresApp>;
