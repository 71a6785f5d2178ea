using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Cli;

/// <summary>
/// The CLI on the database the web app seeded at first start: the same configuration opens the same
/// database, and importing the seed documents again changes nothing (milestones, weights and
/// supporting institutions included).
/// </summary>
public abstract class SeededImportTests(PactaApp app)
{
    [Theory]
    [InlineData("mx-forum.json")]
    [InlineData("sample-plan.json")]
    public async Task Import_DocumentTheWebAppSeeded_ChangesNothing(string file)
    {
        var path = RepositoryFiles.Path("testdata", file);
        await using var db = app.CreateDbContext();
        var before = await db.SnapshotAsync();

        var result = await PactaCommand.RunAsync(app.Settings, "import", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"{path}: nothing changed: the database already holds this document", result.Output.TrimEnd());
        Assert.Equal(before, await db.SnapshotAsync());
    }

    [Fact]
    public async Task Export_SeededDatabase_LabelsTheSamplePlanFictional()
    {
        var result = await PactaCommand.RunAsync(app.Settings, "export", "-");

        Assert.True(result.ExitCode == 0, result.ToString());
        var plans = System.Text.Json.Nodes.JsonNode.Parse(result.Output)!["plans"]!.AsArray();
        Assert.Equal([4, 99, 100], plans.Select(p => p!["number"]!.GetValue<int>()));
        Assert.Null(plans[0]!["fictional"]);
        Assert.True(plans[1]!["fictional"]!.GetValue<bool>());
    }
}

public sealed class SeededImportTestsOnSqlite(SqliteApp app) : SeededImportTests(app), IClassFixture<SqliteApp>;

public sealed class SeededImportTestsOnPostgres(PostgresApp app) : SeededImportTests(app), IClassFixture<PostgresApp>;
