using System.Text.Json;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Api;

public abstract class CommitmentsApiTests(PactaApp app)
{
    private static readonly string[] Plan4Codes =
        ["MX0075", "MX0076", "MX0077", "MX0078", "MX0079", "MX0080", "MX0081", "MX0082", "MX0083", "MX0084", "MX0085", "MX0086", "MX0087"];

    [Fact]
    public async Task Commitment_MX0081_HasItsTitleAndNoLeadInstitution()
    {
        using var client = app.CreateClient();

        var commitment = await client.GetJsonAsync("/api/v1/commitments/MX0081");

        Assert.Equal("MX0081", commitment.GetProperty("code").GetString());
        Assert.Equal(4, commitment.GetProperty("plan").GetInt32());
        Assert.Equal("Controles democráticos a las intervenciones de comunicaciones privadas", commitment.GetProperty("title").GetProperty("es").GetString());
        Assert.Equal("Technology Rights and Privacy", commitment.GetProperty("title").GetProperty("en").GetString());
        Assert.Equal("Civic Space", commitment.GetProperty("policyArea").GetString());
        Assert.Equal(JsonValueKind.Null, commitment.GetProperty("leadInstitution").ValueKind);
        Assert.Empty(commitment.GetProperty("supportingInstitutions").EnumerateArray());
        Assert.False(commitment.GetProperty("fictional").GetBoolean());
        Assert.Equal("imported-from-public-sources", commitment.GetProperty("provenance").GetString());
    }

    [Fact]
    public async Task Commitment_FieldsTheSourceDoesNotGive_AreNullNotInvented()
    {
        using var client = app.CreateClient();

        var commitment = await client.GetJsonAsync("/api/v1/commitments/MX0081");

        foreach (var field in new[] { "ogpValues", "startDate", "endDate", "shortTermDeadline", "verifiable" })
            Assert.Equal(JsonValueKind.Null, commitment.GetProperty(field).ValueKind);
        foreach (var text in new[] { "problem", "statusQuo", "objective" })
        {
            Assert.Equal(JsonValueKind.Null, commitment.GetProperty(text).GetProperty("es").ValueKind);
            Assert.Equal(JsonValueKind.Null, commitment.GetProperty(text).GetProperty("en").ValueKind);
        }
    }

    [Fact]
    public async Task Commitment_MX0075_HasLeadSupportingInstitutionsAndTemplateFields()
    {
        using var client = app.CreateClient();

        var commitment = await client.GetJsonAsync("/api/v1/commitments/MX0075");

        Assert.Equal("SFP", commitment.GetProperty("leadInstitution").GetString());
        Assert.Equal(["GESOC", "Transparencia Mexicana", "Fundar"], commitment.GetProperty("supportingInstitutions").Strings());
        Assert.Equal(["access-to-information", "civic-participation"], commitment.GetProperty("ogpValues").Strings());
        Assert.True(commitment.GetProperty("verifiable").GetBoolean());
        Assert.Equal("2021-08-31", commitment.GetProperty("shortTermDeadline").GetString());
        Assert.StartsWith("Instrumentar un proyecto piloto en cinco programas sociales", commitment.GetProperty("objective").GetProperty("es").GetString());
        Assert.Equal(JsonValueKind.Null, commitment.GetProperty("objective").GetProperty("en").ValueKind);
    }

    [Fact]
    public async Task Commitment_FictionalDEMO01_IsMarkedAndHasMilestones()
    {
        using var client = app.CreateClient();

        var commitment = await client.GetJsonAsync("/api/v1/commitments/DEMO01");

        Assert.True(commitment.GetProperty("fictional").GetBoolean());
        Assert.Equal(99, commitment.GetProperty("plan").GetInt32());
        Assert.Equal("2025-02-01", commitment.GetProperty("startDate").GetString());
        Assert.Equal("Los contratos de obra pública se publican incompletos y tarde, lo que impide vigilar sobrecostos.",
            commitment.GetProperty("problem").GetProperty("es").GetString());
        var milestones = commitment.GetProperty("milestones").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], milestones.Select(m => m.GetProperty("number").GetInt32()));
        Assert.Equal(["AGE", "SEJ", "Colectivo Ejemplo"], milestones.Select(m => m.GetProperty("responsibleInstitution").GetString()));
        Assert.Equal("Diagnóstico de los sistemas de contratación", milestones[0].GetProperty("title").GetProperty("es").GetString());
        Assert.Equal("2025-06-30", milestones[0].GetProperty("endDate").GetString());
        Assert.Equal(20m, milestones[0].GetProperty("weight").GetDecimal());
    }

    [Fact]
    public async Task Commitment_DateKnownToTheMonth_KeepsItsPrecision()
    {
        using var client = app.CreateClient();

        var commitment = await client.GetJsonAsync("/api/v1/commitments/DEMO03");

        Assert.Equal("2025-04", commitment.GetProperty("startDate").GetString());
        Assert.Equal("2026", commitment.GetProperty("endDate").GetString());
    }

    [Fact]
    public async Task CommitmentsList_WithoutFilter_HasThirteenRealAndThreeFictional()
    {
        using var client = app.CreateClient();

        var list = (await client.GetJsonAsync("/api/v1/commitments")).EnumerateArray().ToList();

        Assert.Equal(16, list.Count);
        Assert.Equal([.. Plan4Codes, "DEMO01", "DEMO02", "DEMO03"], list.Select(c => c.GetProperty("code").GetString()));
        Assert.Equal(13, list.Count(c => !c.GetProperty("fictional").GetBoolean()));
        Assert.Equal(["DEMO01", "DEMO02", "DEMO03"], list.Where(c => c.GetProperty("fictional").GetBoolean()).Select(c => c.GetProperty("code").GetString()));
        var mx0075 = list[0];
        Assert.Equal("Gasto abierto y responsable en programas sociales", mx0075.GetProperty("title").GetProperty("es").GetString());
        Assert.Equal("SFP", mx0075.GetProperty("leadInstitution").GetString());
        Assert.Equal(JsonValueKind.Null, list[6].GetProperty("leadInstitution").ValueKind);
    }

    [Fact]
    public async Task CommitmentsList_Plan4_HasItsThirteenCommitmentsInOrder()
    {
        using var client = app.CreateClient();

        var list = (await client.GetJsonAsync("/api/v1/commitments?plan=4")).EnumerateArray().ToList();

        Assert.Equal(Plan4Codes, list.Select(c => c.GetProperty("code").GetString()));
        Assert.All(list, c => Assert.Equal(4, c.GetProperty("plan").GetInt32()));
        Assert.All(list, c => Assert.False(c.GetProperty("fictional").GetBoolean()));
    }

    [Fact]
    public async Task CommitmentsList_SamplePlan_HasOnlyFictionalCommitments()
    {
        using var client = app.CreateClient();

        var list = (await client.GetJsonAsync("/api/v1/commitments?plan=99")).EnumerateArray().ToList();

        Assert.Equal(["DEMO01", "DEMO02", "DEMO03"], list.Select(c => c.GetProperty("code").GetString()));
        Assert.All(list, c => Assert.True(c.GetProperty("fictional").GetBoolean()));
    }
}

public sealed class CommitmentsApiTestsOnSqlite(SqliteApp app) : CommitmentsApiTests(app), IClassFixture<SqliteApp>;

public sealed class CommitmentsApiTestsOnPostgres(PostgresApp app) : CommitmentsApiTests(app), IClassFixture<PostgresApp>;
