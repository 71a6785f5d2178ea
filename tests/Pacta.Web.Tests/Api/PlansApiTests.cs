using System.Net;
using System.Text;
using System.Text.Json;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Api;

public abstract class PlansApiTests(PactaApp app)
{
    private static readonly string[] CsvHeader =
    [
        "code", "plan", "title_es", "title_en", "policy_area", "lead_institution", "supporting_institutions", "ogp_values",
        "problem_es", "problem_en", "status_quo_es", "status_quo_en", "objective_es", "objective_en",
        "start_date", "end_date", "short_term_deadline", "verifiable", "provenance", "fictional",
    ];

    [Fact]
    public async Task Plans_List_HasThePlanOf2019AndTheFictionalSample()
    {
        using var client = app.CreateClient();

        var plans = (await client.GetJsonAsync("/api/v1/plans")).EnumerateArray().ToList();

        Assert.Equal([4, 99, 100], plans.Select(p => p.GetProperty("number").GetInt32()));
        var plan4 = plans[0];
        Assert.Equal("Cuarto Plan de Acción Nacional de Gobierno Abierto 2019-2021", plan4.GetProperty("title").GetProperty("es").GetString());
        Assert.Equal("2019", plan4.GetProperty("period").GetProperty("from").GetString());
        Assert.Equal("2022", plan4.GetProperty("period").GetProperty("extendedTo").GetString());
        Assert.Equal(JsonValueKind.Null, plan4.GetProperty("state").ValueKind);
        Assert.False(plan4.GetProperty("fictional").GetBoolean());
        Assert.Equal(13, plan4.GetProperty("commitmentCount").GetInt32());
        Assert.Equal("implementation", plans[1].GetProperty("state").GetString());
        Assert.True(plans[1].GetProperty("fictional").GetBoolean());
    }

    [Fact]
    public async Task Plan_4_HasCoCreationIrmFiguresAndCommitments()
    {
        using var client = app.CreateClient();

        var plan = await client.GetJsonAsync("/api/v1/plans/4");

        var coCreation = plan.GetProperty("coCreation");
        Assert.Equal("2019-05-24", coCreation.GetProperty("consultationFrom").GetString());
        Assert.Equal("2019-06-17", coCreation.GetProperty("consultationTo").GetString());
        Assert.Equal(1100, coCreation.GetProperty("onlineParticipants").GetInt32());
        Assert.Equal(400, coCreation.GetProperty("inPersonParticipants").GetInt32());
        var irm = plan.GetProperty("irm");
        Assert.Equal(13, irm.GetProperty("relevantToOgpValues").GetInt32());
        Assert.Equal(4, irm.GetProperty("transformative").GetInt32());
        Assert.Equal(3, irm.GetProperty("earlyResults").GetProperty("major").GetInt32());
        Assert.Equal(4, irm.GetProperty("earlyResults").GetProperty("noEvidence").GetInt32());
        var commitments = plan.GetProperty("commitments").EnumerateArray().ToList();
        Assert.Equal(13, commitments.Count);
        Assert.Equal("MX0075", commitments[0].GetProperty("code").GetString());
        Assert.Equal("MX0087", commitments[12].GetProperty("code").GetString());
    }

    [Fact]
    public async Task PlanCsv_4_IsAnRfc4180AttachmentWithBomAndThirteenRows()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/v1/plans/4/commitments.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("plan-4-commitments.csv", response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var records = CsvReader.Parse(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(CsvHeader, records[0]);
        Assert.Equal(14, records.Count);
        Assert.All(records, r => Assert.Equal(CsvHeader.Length, r.Length));
        Assert.All(records.Skip(1), r => Assert.Equal("false", r[Column("fictional")]));
    }

    [Fact]
    public async Task PlanCsv_4_CellsMatchTheJsonWithAccentsIntact()
    {
        using var client = app.CreateClient();
        var mx0075 = await client.GetJsonAsync("/api/v1/commitments/MX0075");

        var records = await CsvRecordsAsync(client, "/api/v1/plans/4/commitments.csv");

        var row75 = records.Single(r => r[0] == "MX0075");
        Assert.Equal("4", row75[Column("plan")]);
        Assert.Equal("SFP", row75[Column("lead_institution")]);
        Assert.Equal("GESOC; Transparencia Mexicana; Fundar", row75[Column("supporting_institutions")]);
        Assert.Equal("access-to-information; civic-participation", row75[Column("ogp_values")]);
        Assert.Equal("Fiscal Openness", row75[Column("policy_area")]);
        Assert.Equal("true", row75[Column("verifiable")]);
        Assert.Equal("2021-08-31", row75[Column("short_term_deadline")]);
        // The objective holds commas and accents: it must come back exactly as the JSON has it.
        Assert.Equal(mx0075.GetProperty("objective").GetProperty("es").GetString(), row75[Column("objective_es")]);
        var row81 = records.Single(r => r[0] == "MX0081");
        Assert.Equal("Controles democráticos a las intervenciones de comunicaciones privadas", row81[Column("title_es")]);
        Assert.Equal("", row81[Column("lead_institution")]);
        Assert.Equal("", row81[Column("verifiable")]);
        Assert.Equal("imported-from-public-sources", row81[Column("provenance")]);
    }

    [Fact]
    public async Task PlanCsv_SamplePlan_MarksEveryRowFictional()
    {
        using var client = app.CreateClient();

        var records = await CsvRecordsAsync(client, "/api/v1/plans/99/commitments.csv");

        Assert.Equal(["DEMO01", "DEMO02", "DEMO03"], records.Skip(1).Select(r => r[0]));
        Assert.All(records.Skip(1), r => Assert.Equal("true", r[Column("fictional")]));
        Assert.Equal("AGE; Colectivo Ejemplo", records[1][Column("supporting_institutions")]);
    }

    private static int Column(string name) => Array.IndexOf(CsvHeader, name);

    private static async Task<List<string[]>> CsvRecordsAsync(HttpClient client, string url)
    {
        var bytes = await client.GetByteArrayAsync(url);
        return CsvReader.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }
}

public sealed class PlansApiTestsOnSqlite(SqliteApp app) : PlansApiTests(app), IClassFixture<SqliteApp>;

public sealed class PlansApiTestsOnPostgres(PostgresApp app) : PlansApiTests(app), IClassFixture<PostgresApp>;
