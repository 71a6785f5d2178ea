using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Cli;

/// <summary><c>pacta import</c> and <c>pacta export</c> on an empty, migrated database of each provider.</summary>
public abstract class ImportExportTests(PactaApp app)
{
    private static readonly string MxForum = RepositoryFiles.Path("testdata", "mx-forum.json");

    [Fact]
    public async Task ImportThenExport_MxForumIntoEmptyDatabase_GivesTheSameDocument()
    {
        var imported = await PactaCommand.RunAsync(app.Settings, "import", MxForum);
        var exported = await PactaCommand.RunAsync(app.Settings, "export", "-");

        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.True(exported.ExitCode == 0, exported.ToString());
        Assert.Equal(ForumDocumentJson.Canonical(await File.ReadAllTextAsync(MxForum)), ForumDocumentJson.Canonical(exported.Output));
    }

    [Fact]
    public async Task Import_SameFileTwice_SecondChangesNothing()
    {
        var first = await PactaCommand.RunAsync(app.Settings, "import", MxForum);
        await using var db = app.CreateDbContext();
        var before = await db.SnapshotAsync();

        var second = await PactaCommand.RunAsync(app.Settings, "import", MxForum);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal($"{MxForum}: nothing changed: the database already holds this document\n", second.Output.ReplaceLineEndings("\n"));
        Assert.Equal(before, await db.SnapshotAsync());
        Assert.Contains(before, row => row.Contains("MX0081", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_IntoEmptyDatabase_PrintsOneLineSummary()
    {
        var result = await PactaCommand.RunAsync(app.Settings, "import", MxForum);

        Assert.True(result.ExitCode == 0, result.ToString());
        var line = Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"{MxForum}: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ToFile_WritesWhatStdoutShowsAndLeavesNoTemporaryFile()
    {
        var directory = Directory.CreateTempSubdirectory("pacta-export-").FullName;
        try
        {
            var file = Path.Combine(directory, "forum.json");
            await File.WriteAllTextAsync(file, "an earlier export");

            var toFile = await PactaCommand.RunAsync(app.Settings, "export", file);
            var toStdout = await PactaCommand.RunAsync(app.Settings, "export", "-");

            Assert.True(toFile.ExitCode == 0, toFile.ToString());
            Assert.StartsWith($"{file}: exported ", toFile.Output, StringComparison.Ordinal);
            Assert.Equal(toStdout.Output, await File.ReadAllTextAsync(file));
            Assert.EndsWith("}\n", toStdout.Output, StringComparison.Ordinal);
            Assert.Equal([file], Directory.GetFiles(directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Export_IntoMissingDirectory_ExitsOneAndSaysWhich()
    {
        var directory = Path.Combine(app.DataDirectory, "missing");

        var result = await PactaCommand.RunAsync(app.Settings, "export", Path.Combine(directory, "forum.json"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"pacta: {Path.Combine(directory, "forum.json")}: the directory {directory} does not exist", Assert.Single(result.ErrorLines));
        Assert.False(Directory.Exists(directory));
    }
}

public sealed class ImportExportTestsOnSqlite(EmptySqliteApp app) : ImportExportTests(app), IClassFixture<EmptySqliteApp>;

public sealed class ImportExportTestsOnPostgres(EmptyPostgresApp app) : ImportExportTests(app), IClassFixture<EmptyPostgresApp>;
