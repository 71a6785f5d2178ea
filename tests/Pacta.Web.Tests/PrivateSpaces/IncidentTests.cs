using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pacta.Web.Tests.Infrastructure;
using Pacta.Web.Tests.Verify;

namespace Pacta.Web.Tests.PrivateSpaces;

/// <summary>Incidents against civic space: reported privately to a party, published by its representative as a summary only.</summary>
public abstract class IncidentTests(PactaApp app) : IDisposable
{
    private const string Space = "/es/parties/civil-society/space";
    private readonly string directory = Directory.CreateTempSubdirectory("pacta-incidents-").FullName;

    public void Dispose()
    {
        Directory.Delete(directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    private static string RecentDate => DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Report(string category, string date, string details) =>
        new() { ["Input.Category"] = category, ["Input.Date"] = date, ["Input.Details"] = details };

    private static async Task<string> ReportAsync(HttpClient client, string details)
    {
        var posted = await client.SubmitAsync($"{Space}/incidents/new", "incident", Report("threat", RecentDate, details));
        Assert.True(posted.Status == HttpStatusCode.Redirect, posted.Text);
        return posted.RedirectPath;
    }

    [Fact]
    public async Task Reported_StaysPrivate_UntilARepresentativePublishesASummary_WhichTheRecordAndTheVerifierShow()
    {
        var details = $"detalles-privados-{Guid.NewGuid():N}";
        var reporter = await app.CreateMemberAsync("Fundar");
        var colleague = await app.CreateMemberAsync("SocialTIC");
        var representative = await app.CreateMemberAsync("Fundar", representative: true);
        using var reporterClient = await app.SignInAsync(reporter);
        using var colleagueClient = await app.SignInAsync(colleague);
        using var representativeClient = await app.SignInAsync(representative);
        using var anonymous = app.CreateHttpsClient();

        var thread = await ReportAsync(reporterClient, $"Nos siguieron a la salida. {details}");
        var threadPage = await colleagueClient.PageAsync(thread);
        Assert.Contains(details, threadPage.Text, StringComparison.Ordinal);
        Assert.Contains("Amenaza", threadPage.Text, StringComparison.Ordinal);
        Assert.Contains("No publicado.", threadPage.Text, StringComparison.Ordinal);
        Assert.Empty(threadPage.Document.QuerySelectorAll("a[href$='/publish']"));
        Assert.DoesNotContain(details, (await anonymous.PageAsync("/es/incidents")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain(thread.Split('/')[^1], (await anonymous.PageAsync("/es/incidents")).Html, StringComparison.Ordinal);

        // Only a representative of the party publishes.
        var publishPath = $"{thread.Replace("/threads/", "/incidents/", StringComparison.Ordinal)}/publish";
        using (var refused = await colleagueClient.GetAsync(new Uri(publishPath, UriKind.Relative)))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var form = await representativeClient.PageAsync(publishPath);
        Assert.Equal("threat", form.Document.QuerySelector("#publish-category option[selected]")?.GetAttribute("value"));
        Assert.Equal(RecentDate[..7], form.Document.QuerySelector("#publish-month")?.GetAttribute("value"));
        Assert.Equal(publishPath, (await representativeClient.PageAsync(thread)).Document.QuerySelector("a[href$='/publish']")?.GetAttribute("href"));

        var published = await representativeClient.SubmitAsync(publishPath, "publish", new Dictionary<string, string>
        {
            ["Input.Category"] = "threat",
            ["Input.Month"] = RecentDate[..7],
            ["Input.SummaryEs"] = "Una integrante fue seguida tras una sesión del foro.",
            ["Input.SummaryEn"] = "A member was followed after a forum session.",
        });
        Assert.True(published.Status == HttpStatusCode.Redirect, published.Text);
        await app.PublishAsync();

        var register = await anonymous.PageAsync("/es/incidents");
        var card = Assert.Single(register.Document.QuerySelectorAll("li.incident"));
        Assert.Equal($"Amenaza · {RecentDate[..7]}", Portal.PortalPage.Text(card.QuerySelector(".incident-head")));
        Assert.Equal("Una integrante fue seguida tras una sesión del foro.", card.QuerySelector(".incident-summary")?.TextContent);
        var entryLink = card.QuerySelector(".record-entry a")?.GetAttribute("href");
        Assert.NotNull(entryLink);
        var entryPage = await anonymous.PageAsync(entryLink);
        Assert.Contains("Incidente publicado", entryPage.Text, StringComparison.Ordinal);
        Assert.Contains("Representante de la parte", entryPage.Text, StringComparison.Ordinal);
        Assert.NotNull(entryPage.Document.QuerySelector($"a[href^='/es/incidents#incident-']"));
        Assert.Equal("A member was followed after a forum session.", (await anonymous.PageAsync("/en/incidents")).Document.QuerySelector(".incident-summary")?.TextContent);

        using var api = await anonymous.GetAsync(new Uri("/api/v1/incidents", UriKind.Relative));
        using var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        var item = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(["id", "party", "category", "month", "summary"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal("civil-society", item.GetProperty("party").GetString());
        Assert.Equal("threat", item.GetProperty("category").GetString());

        // The details, the date and the people never reach a public page or the record.
        await using var db = app.CreateDbContext();
        var record = await db.RecordEntries.AsNoTracking().OrderBy(e => e.Index).Select(e => e.Bytes).ToListAsync();
        var incidentEvent = Encoding.UTF8.GetString(record[^1]);
        Assert.Contains("\"type\":\"incident.published\"", incidentEvent, StringComparison.Ordinal);
        Assert.Contains("Una integrante fue seguida", incidentEvent, StringComparison.Ordinal);
        var publicPages = new List<string> { incidentEvent };
        foreach (var path in new[] { "/es/incidents", "/en/incidents", "/api/v1/incidents", "/es/record", "/en/record", entryLink!, "/es/" })
            publicPages.Add(await (await anonymous.GetAsync(new Uri(path, UriKind.Relative))).Content.ReadAsStringAsync());
        foreach (var text in publicPages.Concat(record.Select(Encoding.UTF8.GetString)))
        {
            Assert.DoesNotContain(details, text, StringComparison.Ordinal);
            Assert.DoesNotContain(RecentDate, text, StringComparison.Ordinal);
            Assert.DoesNotContain(reporter.DisplayName, text, StringComparison.Ordinal);
            Assert.DoesNotContain(representative.Id.ToString(), text, StringComparison.Ordinal);
            Assert.DoesNotContain(thread.Split('/')[^1], text, StringComparison.Ordinal);
        }

        var verified = await VerifyRun.AgainstAsync(app, "--url", "http://localhost", "--state", Path.Combine(directory, "state.json"));
        Assert.True(verified.ExitCode == 0, verified.ToString());

        // Published once.
        var again = await representativeClient.PageAsync(publishPath);
        Assert.Contains("Este incidente ya está publicado.", again.Text, StringComparison.Ordinal);
        Assert.Empty(again.Document.QuerySelectorAll("form[method=post] textarea"));
    }

    [Theory]
    [InlineData("", "RECENT", "detalles", "incident-category-error", "Tipo de incidente: elija uno de la lista.")]
    [InlineData("kidnapping", "RECENT", "detalles", "incident-category-error", "Tipo de incidente: elija uno de la lista.")]
    [InlineData("threat", "", "detalles", "incident-date-error", "Fecha: escriba una fecha como 2026-11-20.")]
    [InlineData("threat", "2999-01-01", "detalles", "incident-date-error", "Fecha: no puede ser futura ni anterior al año 2000.")]
    [InlineData("threat", "RECENT", " ", "incident-details-error", "Qué ocurrió: describa el incidente.")]
    public async Task Report_BadField_SaysWhichAndStoresNothing(string category, string date, string details, string errorId, string message)
    {
        var member = await app.CreateMemberAsync("Fundar");
        using var client = await app.SignInAsync(member);
        await using var db = app.CreateDbContext();
        var before = await db.IncidentReports.CountAsync();

        var page = await client.SubmitAsync($"{Space}/incidents/new", "incident", Report(category, date == "RECENT" ? RecentDate : date, details));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(message, page.Document.GetElementById(errorId)?.TextContent);
        Assert.Equal(before, await db.IncidentReports.CountAsync());
    }

    [Theory]
    [InlineData("threat", "2026-13", "resumen", "publish-month-error", "Mes: escriba un mes como 2026-11.")]
    [InlineData("threat", "2026-11", " ", "publish-summary-error", "Resumen: escriba el resumen público en al menos un idioma.")]
    [InlineData("nothing", "2026-11", "resumen", "publish-category-error", "Tipo de incidente: elija uno de la lista.")]
    public async Task Publish_BadField_SaysWhichAndRecordsNothing(string category, string month, string summary, string errorId, string message)
    {
        var member = await app.CreateMemberAsync("Fundar");
        var representative = await app.CreateMemberAsync("SocialTIC", representative: true);
        using var memberClient = await app.SignInAsync(member);
        using var representativeClient = await app.SignInAsync(representative);
        var thread = await ReportAsync(memberClient, "detalles");
        var recordSize = await app.RecordSizeAsync();

        var page = await representativeClient.SubmitAsync($"{thread.Replace("/threads/", "/incidents/", StringComparison.Ordinal)}/publish", "publish",
            new Dictionary<string, string> { ["Input.Category"] = category, ["Input.Month"] = month, ["Input.SummaryEs"] = summary, ["Input.SummaryEn"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(message, page.Document.GetElementById(errorId)?.TextContent);
        Assert.Equal(recordSize, await app.RecordSizeAsync());
        await using var db = app.CreateDbContext();
        var reportId = Guid.Parse(thread.Split('/')[^1]);
        Assert.False(await db.PublishedIncidents.AnyAsync(p => p.ReportId == reportId));
    }

    [Fact]
    public async Task RepresentativeOfAnotherParty_CannotPublish()
    {
        var member = await app.CreateMemberAsync("Fundar");
        var other = await app.CreateMemberAsync("SFP", representative: true);
        using var memberClient = await app.SignInAsync(member);
        using var otherClient = await app.SignInAsync(other);
        var thread = await ReportAsync(memberClient, "detalles");
        var path = $"{thread.Replace("/threads/", "/incidents/", StringComparison.Ordinal)}/publish";

        using var asOther = await otherClient.GetAsync(new Uri(path, UriKind.Relative));
        using var viaOwnParty = await otherClient.GetAsync(new Uri(path.Replace("civil-society", "executive", StringComparison.Ordinal), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, asOther.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, viaOwnParty.StatusCode);
    }
}

public sealed class IncidentTestsOnSqlite(SqliteApp app) : IncidentTests(app), IClassFixture<SqliteApp>;

public sealed class IncidentTestsOnPostgres(PostgresApp app) : IncidentTests(app), IClassFixture<PostgresApp>;
