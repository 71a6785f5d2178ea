using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Cli;

/// <summary>
/// Each broken document in testdata/bad/ against a seeded database of each provider: exit code 2, every
/// error on stderr as <c>FILE: JSON.PATH: problem</c>, and not one row of the database changed.
/// </summary>
public abstract class BadDocumentTests(PactaApp app)
{
    public static TheoryData<string, string, string> Fixtures => new()
    {
        { "malformed-json.json", "plans[0].title", "line 4, column 73: malformed JSON: '\"' is invalid after a value" },
        { "wrong-format.json", "format", "\"open-government-forum/2\" is not a format Pacta reads; expected \"open-government-forum/1\"" },
        { "duplicate-commitment-code.json", "plans[0].commitments[3].code", "duplicate commitment code \"BAD02\" (first at plans[0].commitments[1].code)" },
        { "unknown-party-in-participation-event.json", "participationEvents[0].party", "unknown party \"press\"; known parties: civil-society, executive, guarantor" },
        { "unknown-lead-organization.json", "plans[0].commitments[0].lead", "unknown organisation \"Secretaría Inexistente\": it is neither in this document nor stored" },
        { "impossible-date.json", "participationEvents[0].date", "\"2021-02-30\" is not a date" },
        { "duplicate-json-key.json", "plans[0].number", "duplicate field: \"number\" appears more than once in the same object" },
        { "wrong-type.json", "plans[0].number", "\"98\" is not a whole number from 1 to 999" },
        { "unknown-field.json", "plans[0].commitments[0].budget", "unknown field \"budget\"; expected one of code, title," },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Import_BadFixture_ExitsTwoNamesThePathAndChangesNothing(string fixture, string path, string problem)
    {
        var file = RepositoryFiles.Path("testdata", "bad", fixture);
        await using var db = app.CreateDbContext();
        var before = await db.SnapshotAsync();

        var result = await PactaCommand.RunAsync(app.Settings, "import", file);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(result.ErrorLines, line => line.StartsWith($"{file}: {path}: {problem}", StringComparison.Ordinal));
        Assert.Equal("", result.Output);
        Assert.Equal(before, await db.SnapshotAsync());
        Assert.Contains(before, row => row.StartsWith("Commitments: MX0081", StringComparison.Ordinal));
    }

    [Fact]
    public void Fixtures_EveryFileInTestdataBad_IsTested()
    {
        var tested = Fixtures.Select(row => (string)row[0]).Order(StringComparer.Ordinal);
        var files = Directory.GetFiles(RepositoryFiles.Path("testdata", "bad"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(files, tested);
    }

    [Fact]
    public async Task Import_MissingFile_ExitsTwoAndSaysSo()
    {
        var file = Path.Combine(app.DataDirectory, "no-such-file.json");

        var result = await PactaCommand.RunAsync(app.Settings, "import", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"pacta: {file}: no such file", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Import_OrganisationMovedToAnotherParty_IsRefusedWholeDocument()
    {
        // The first organisation is fine and new; the second would move INAI out of its party. Nothing may be written.
        var file = Path.Combine(app.DataDirectory, "move.json");
        await File.WriteAllTextAsync(file, """
            { "format": "open-government-forum/1", "organizations": [
              { "party": "executive", "short": "Nueva", "name": { "es": "Nueva (ficticia)" }, "fictional": true },
              { "party": "executive", "short": "INAI", "name": { "es": "INAI" } } ] }
            """);
        await using var db = app.CreateDbContext();
        var before = await db.SnapshotAsync();

        var result = await PactaCommand.RunAsync(app.Settings, "import", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{file}: organizations[1].short: organisation \"INAI\" is stored in party \"guarantor\", not \"executive\"", result.ErrorLines);
        Assert.Equal(before, await db.SnapshotAsync());
    }
}

public sealed class BadDocumentTestsOnSqlite(SqliteApp app) : BadDocumentTests(app), IClassFixture<SqliteApp>;

public sealed class BadDocumentTestsOnPostgres(PostgresApp app) : BadDocumentTests(app), IClassFixture<PostgresApp>;
