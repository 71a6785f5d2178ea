using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Api;

public abstract class OpenApiTests(PactaApp app)
{
    [Theory]
    [InlineData("/api/v1/forum", "200 404")]
    [InlineData("/api/v1/parties", "200")]
    [InlineData("/api/v1/parties/{key}", "200 400 404")]
    [InlineData("/api/v1/organizations", "200")]
    [InlineData("/api/v1/plans", "200")]
    [InlineData("/api/v1/plans/{number}", "200 400 404")]
    [InlineData("/api/v1/plans/{number}/commitments.csv", "200 400 404")]
    [InlineData("/api/v1/commitments", "200 400 404")]
    [InlineData("/api/v1/commitments/{code}", "200 400 404")]
    [InlineData("/api/v1/record/entries/{index}", "200 400 404")]
    [InlineData("/api/v1/record/consistency", "200 400 404")]
    public async Task OpenApiDocument_Endpoint_IsListedWithItsResponses(string path, string statuses)
    {
        using var client = app.CreateClient();

        var document = await client.GetJsonAsync("/openapi/v1.json");

        Assert.True(document.GetProperty("paths").TryGetProperty(path, out var item), $"{path} is not in the OpenAPI document");
        var get = item.GetProperty("get");
        Assert.False(string.IsNullOrWhiteSpace(get.GetProperty("summary").GetString()));
        var responses = get.GetProperty("responses");
        Assert.Equal(statuses.Split(' ').Order(), responses.EnumerateObject().Select(r => r.Name).Order());
        foreach (var error in responses.EnumerateObject().Where(r => r.Name != "200"))
            Assert.True(error.Value.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{path} {error.Name} is not a problem");
    }

    [Fact]
    public async Task OpenApiDocument_CsvEndpoint_SaysItIsCsv()
    {
        using var client = app.CreateClient();

        var document = await client.GetJsonAsync("/openapi/v1.json");

        var ok = document.GetProperty("paths").GetProperty("/api/v1/plans/{number}/commitments.csv").GetProperty("get").GetProperty("responses").GetProperty("200");
        Assert.True(ok.GetProperty("content").TryGetProperty("text/csv", out _));
    }
}

public sealed class OpenApiTestsOnSqlite(SqliteApp app) : OpenApiTests(app), IClassFixture<SqliteApp>;

public sealed class OpenApiTestsOnPostgres(PostgresApp app) : OpenApiTests(app), IClassFixture<PostgresApp>;
