using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Portal;

public abstract class PlanAndCommitmentPagesTests(PactaApp app)
{
    [Fact]
    public async Task Plans_InEnglish_ListEveryPlanWithItsCommitmentCount()
    {
        await using var db = app.CreateDbContext();
        var expected = await db.ActionPlans.OrderBy(p => p.Number)
            .Select(p => new { p.Number, Count = p.Commitments.Count }).ToListAsync();

        var page = await PortalPage.GetAsync(app, "/en/plans");

        var rows = page.Document.QuerySelectorAll("table tbody tr").ToList();
        Assert.Equal(expected.Count, rows.Count);
        Assert.Equal(
            expected.Select(p => (p.Number.ToString(CultureInfo.InvariantCulture), p.Count.ToString(CultureInfo.InvariantCulture))),
            rows.Select(r => (PortalPage.Text(r.Children[0]), PortalPage.Text(r.Children[4]))));
        Assert.Equal("/en/plans/4", rows[0].QuerySelector("th a")?.GetAttribute("href"));
        Assert.Equal("2019 – 2021", PortalPage.Text(rows[0].Children[2]));
    }

    [Fact]
    public async Task Plans_SamplePlan_IsTaggedFictionalAndTheRealOneIsNot()
    {
        var page = await PortalPage.GetAsync(app, "/es/plans");

        var rows = page.Document.QuerySelectorAll("table tbody tr").ToList();
        var sample = Assert.Single(rows, r => PortalPage.Text(r.Children[0]) == "99");
        var real = Assert.Single(rows, r => PortalPage.Text(r.Children[0]) == "4");
        Assert.NotNull(sample.QuerySelector(".tag-fictional"));
        Assert.Null(real.QuerySelector(".tag-fictional"));
        Assert.Equal("Implementación", PortalPage.Text(sample.Children[3]));
        Assert.Equal("No registrado", PortalPage.Text(real.Children[3]));
    }

    [Fact]
    public async Task Plan_Four_ShowsItsFactsInTheReadersCulture()
    {
        var page = await PortalPage.GetAsync(app, "/es/plans/4");

        Assert.Equal("Cuarto Plan de Acción Nacional de Gobierno Abierto 2019-2021", page.Heading);
        Assert.Equal("2019 – 2021", PortalPage.Text(page.Fact("Periodo")));
        Assert.Equal("2022", PortalPage.Text(page.Fact("Ampliado hasta")));
        Assert.Equal("24 de mayo de 2019 – 17 de junio de 2019", PortalPage.Text(page.Fact("Consulta pública")));
        Assert.Equal(1100.ToString("N0", CultureInfo.GetCultureInfo("es-MX")), PortalPage.Text(page.Fact("Participantes en línea")));
        Assert.Equal("400", PortalPage.Text(page.Fact("Participantes presenciales")));
        Assert.Equal("13", PortalPage.Text(page.Fact("Compromisos relevantes para los valores de la AGA")));
        Assert.Equal("4", PortalPage.Text(page.Fact("Compromisos con potencial transformador")));
        Assert.Equal("1", PortalPage.Text(page.Fact("Compromisos con resultados sobresalientes")));
        Assert.Equal("4", PortalPage.Text(page.Fact("Compromisos sin evidencia disponible")));
        Assert.Null(page.Document.QuerySelector(".fictional-notice"));
    }

    [Fact]
    public async Task Plan_Four_ListsEveryCommitmentAndLinksTheCsv()
    {
        await using var db = app.CreateDbContext();
        var codes = await db.Commitments.Where(c => c.PlanNumber == 4).OrderBy(c => c.Position).Select(c => c.Code).ToListAsync();

        var page = await PortalPage.GetAsync(app, "/en/plans/4");

        var rows = page.Document.QuerySelectorAll("table tbody tr").ToList();
        Assert.Equal(codes, rows.Select(r => PortalPage.Text(r.Children[0])));
        Assert.Equal("/en/commitments/MX0081", rows[codes.IndexOf("MX0081")].QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal(["MX0075", "Citizen Oversight of Social Program Spending", "Fiscal Openness", "Ministry of Public Administration (SFP)"],
            rows[0].Children.Select(PortalPage.Text));
        Assert.Equal("Not recorded", PortalPage.Text(rows[codes.IndexOf("MX0076")].Children[3]));
        Assert.Contains(page.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/api/v1/plans/4/commitments.csv");
    }

    [Fact]
    public async Task Plan_Four_SaysItWasImportedFromPublicSourcesWithItsSource()
    {
        await using var db = app.CreateDbContext();
        var source = await db.ActionPlans.Where(p => p.Number == 4).Select(p => p.Source).SingleAsync();

        var page = await PortalPage.GetAsync(app, "/es/plans/4");

        var provenance = PortalPage.Text(page.Document.QuerySelector(".provenance"));
        Assert.Contains("Importado de fuentes públicas.", provenance, StringComparison.Ordinal);
        Assert.NotNull(source);
        Assert.Contains(source, provenance, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_Sample_ShowsTheFictionalNoticeAndNoPublicSourcesClaim()
    {
        var page = await PortalPage.GetAsync(app, "/en/plans/99");

        Assert.NotNull(page.Document.QuerySelector(".fictional-notice"));
        // Its provenance says it is sample data (and links its record entry), never that it came from public sources.
        Assert.StartsWith("Sample data written to show how Pacta works", PortalPage.Text(page.Document.QuerySelector(".provenance p")), StringComparison.Ordinal);
        Assert.DoesNotContain("Imported from public sources", page.Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/es/commitments/mx0081", "/es/commitments/MX0081")]
    [InlineData("/en/commitments/Demo01", "/en/commitments/DEMO01")]
    public async Task Commitment_CodeInOtherCase_RedirectsToTheCanonicalCode(string url, string canonical)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(url);

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, $"{url} answered {response.StatusCode}");
        Assert.Equal(canonical, response.Headers.Location?.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Commitment_UnknownCodeInLowerCase_IsNotFound()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/es/commitments/mx9999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Commitment_MX0081InSpanish_ShowsItsSpanishTitleAndPolicyArea()
    {
        var page = await PortalPage.GetAsync(app, "/es/commitments/MX0081");

        Assert.Equal("Controles democráticos a las intervenciones de comunicaciones privadas", page.Heading);
        Assert.Equal("Espacio cívico", PortalPage.Text(page.Fact("Área de política")));
    }

    [Fact]
    public async Task Commitment_MX0081InEnglish_ShowsItsEnglishTitle()
    {
        var page = await PortalPage.GetAsync(app, "/en/commitments/MX0081");

        Assert.Equal("Technology Rights and Privacy", page.Heading);
        Assert.Equal("Civic Space", PortalPage.Text(page.Fact("Policy area")));
        Assert.Equal("Fourth National Action Plan 2019-2021", PortalPage.Text(page.Fact("Action plan")));
    }

    [Fact]
    public async Task Commitment_MX0076_ShowsNotRecordedForLeadAndObjective()
    {
        var page = await PortalPage.GetAsync(app, "/es/commitments/MX0076");

        Assert.Equal("No registrado", PortalPage.Text(page.Fact("Institución responsable").QuerySelector(".not-recorded")));
        Assert.Equal("No registrado", PortalPage.Text(page.Section("Objetivo").QuerySelector(".not-recorded")));
    }

    [Fact]
    public async Task Commitment_MX0080InSpanish_MarksItsEnglishOnlyTitle()
    {
        var page = await PortalPage.GetAsync(app, "/es/commitments/MX0080");

        var title = page.Document.QuerySelector("h1 [lang]");
        Assert.Equal("en", title?.GetAttribute("lang"));
        Assert.Equal("Open Platform for Public Security Information", PortalPage.Text(title));
        Assert.Contains("solo en inglés", page.Heading, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commitment_MX0075_ShowsEveryTemplateFieldItHas()
    {
        var page = await PortalPage.GetAsync(app, "/es/commitments/MX0075");

        Assert.Equal("MX0075", PortalPage.Text(page.Fact("Clave")));
        Assert.Equal("Apertura fiscal", PortalPage.Text(page.Fact("Área de política")));
        Assert.Equal(["Acceso a la información", "Participación cívica"], page.Fact("Valores de la AGA").QuerySelectorAll("li").Select(PortalPage.Text));
        Assert.Equal("Secretaría de la Función Pública (SFP)", PortalPage.Text(page.Fact("Institución responsable")));
        Assert.Equal(
            ["GESOC, Agencia para el Desarrollo, A.C. (GESOC)", "Transparencia Mexicana", "Fundar, Centro de Análisis e Investigación (Fundar)"],
            page.Fact("Instituciones de apoyo").QuerySelectorAll("li").Select(PortalPage.Text));
        Assert.Equal("31 de agosto de 2021", PortalPage.Text(page.Fact("Fecha límite a corto plazo")));
        Assert.Equal("Verificable", PortalPage.Text(page.Fact("Verificabilidad (MRI)")));
        Assert.Equal("No registrado", PortalPage.Text(page.Fact("Inicio")));
        Assert.StartsWith("Instrumentar un proyecto piloto en cinco programas sociales", PortalPage.Text(page.Section("Objetivo")).Replace("Objetivo ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commitment_Every_ShowsNoBlankField()
    {
        await using var db = app.CreateDbContext();
        var codes = await db.Commitments.Select(c => c.Code).ToListAsync();

        foreach (var code in codes)
        {
            var page = await PortalPage.GetAsync(app, $"/en/commitments/{code}");

            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(10, page.Document.QuerySelectorAll("dl.facts dd").Length);
            Assert.All(page.Document.QuerySelectorAll("dl.facts dd, main section > p, td"), e => Assert.False(string.IsNullOrWhiteSpace(e.TextContent), $"{code}: an empty field"));
        }
    }

    [Fact]
    public async Task Commitment_Real_SaysImportedAndNotAgreedInPacta()
    {
        var page = await PortalPage.GetAsync(app, "/en/commitments/MX0081");

        var provenance = PortalPage.Text(page.Document.QuerySelector(".provenance"));
        Assert.Contains("Imported from public sources", provenance, StringComparison.Ordinal);
        Assert.Contains("Pacta does not claim that this commitment was agreed in Pacta.", provenance, StringComparison.Ordinal);
        Assert.Contains("Public facts about Mexico's Open Government Partnership process", provenance, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector(".fictional-notice"));
    }

    [Fact]
    public async Task Commitment_DEMO01_ShowsTheFictionalNoticeAndEveryMilestone()
    {
        await using var db = app.CreateDbContext();
        var milestones = await db.Milestones.Where(m => m.CommitmentCode == "DEMO01").OrderBy(m => m.Number)
            .Select(m => m.Title.En).ToListAsync();

        var page = await PortalPage.GetAsync(app, "/en/commitments/DEMO01");

        Assert.NotNull(page.Document.QuerySelector(".fictional-notice"));
        var rows = page.Section("Milestones").QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(milestones, rows.Select(r => PortalPage.Text(r.QuerySelector("th"))));
        Assert.Equal(
            // Milestone 1 ended in June 2025 with no report: the status says so, computed from the clock.
            ["1", "Assessment of procurement systems", "Example Data Agency (fictional) (AGE)", "1 February 2025", "30 June 2025", "20", "Overdue"],
            rows[0].Children.Select(PortalPage.Text));
        Assert.Equal(["20", "50", "30"], rows.Select(r => PortalPage.Text(r.Children[5])));
        Assert.DoesNotContain("Imported from public sources", PortalPage.Text(page.Document.QuerySelector(".provenance")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/es/commitments/MX9999", "es", "Página no encontrada")]
    [InlineData("/en/commitments/mx0081x", "en", "Page not found")]
    [InlineData("/en/plans/12", "en", "Page not found")]
    [InlineData("/es/plans/cuatro", "es", "Página no encontrada")]
    public async Task CommitmentOrPlan_Unknown_IsNotFoundInItsLanguage(string path, string language, string heading)
    {
        var page = await PortalPage.GetAsync(app, path);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal(heading, page.Heading);
        Assert.Single(page.Document.QuerySelectorAll("h1"));
        Assert.Equal(language, page.Document.DocumentElement.GetAttribute("lang"));
    }
}

public sealed class PlanAndCommitmentPagesTestsOnSqlite(SqliteApp app) : PlanAndCommitmentPagesTests(app), IClassFixture<SqliteApp>;

public sealed class PlanAndCommitmentPagesTestsOnPostgres(PostgresApp app) : PlanAndCommitmentPagesTests(app), IClassFixture<PostgresApp>;
