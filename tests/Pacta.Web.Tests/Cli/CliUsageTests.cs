using Pacta.Cli;

namespace Pacta.Web.Tests.Cli;

/// <summary>The command line itself: parsing, usage errors and configuration, with no database involved.</summary>
public sealed class CliUsageTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pacta-usage-").FullName;

    private Dictionary<string, string?> Configuration => new() { ["Pacta:DataDirectory"] = _directory };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static CliContext Context() =>
        new(TextWriter.Null, TextWriter.Null, CliConfiguration.Build([]));

    [Theory]
    [InlineData("import")]
    [InlineData("export")]
    [InlineData("import", "a.json", "b.json")]
    [InlineData("frobnicate")]
    [InlineData("db")]
    [InlineData("db", "migrate", "now")]
    [InlineData("import", "--force", "a.json")]
    public void Parse_BadCommandLine_HasErrors(params string[] args)
    {
        Assert.NotEmpty(PactaCli.CreateRootCommand(Context()).Parse(args).Errors);
    }

    [Theory]
    [InlineData("import", "a.json")]
    [InlineData("export", "-")]
    [InlineData("export", "out.json")]
    [InlineData("db", "migrate")]
    public void Parse_GoodCommandLine_HasNoErrors(params string[] args)
    {
        Assert.Empty(PactaCli.CreateRootCommand(Context()).Parse(args).Errors);
    }

    [Fact]
    public async Task Run_ImportWithoutFile_ExitsTwoWithMessage()
    {
        var result = await PactaCommand.RunAsync(Configuration, "import");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("FILE", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal("Run 'pacta import --help' for usage.", result.ErrorLines[^1]);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task Run_UnknownCommand_ExitsTwoWithMessage()
    {
        var result = await PactaCommand.RunAsync(Configuration, "frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(result.ErrorLines, line => line.StartsWith("pacta: ", StringComparison.Ordinal) && line.Contains("'frobnicate'", StringComparison.Ordinal));
        Assert.Equal("Run 'pacta --help' for usage.", result.ErrorLines[^1]);
    }

    [Fact]
    public async Task Run_NoCommand_ExitsTwo()
    {
        var result = await PactaCommand.RunAsync(Configuration);

        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.Error);
    }

    [Fact]
    public async Task Run_Help_ExitsZeroAndListsTheCommands()
    {
        var result = await PactaCommand.RunAsync(Configuration, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("import", result.Output, StringComparison.Ordinal);
        Assert.Contains("export", result.Output, StringComparison.Ordinal);
        Assert.Contains("db", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownProvider_ExitsTwoNamingTheSetting()
    {
        var result = await PactaCommand.RunAsync(Configuration, "db", "migrate", "--Pacta:Database:Provider=oracle");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("pacta: Configuration Pacta:Database:Provider is 'oracle'; it must be 'sqlite' or 'postgres'.", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Run_DataDirectoryOnTheCommandLine_IsWhereTheDatabaseGoes()
    {
        var elsewhere = Path.Combine(_directory, "elsewhere");

        var result = await PactaCommand.RunAsync(new Dictionary<string, string?>(), "--Pacta:DataDirectory", elsewhere, "db", "migrate");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(elsewhere, "pacta.db")));
        Assert.StartsWith($"SQLite {Path.Combine(elsewhere, "pacta.db")}: applied", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_SettingsInBothForms_AreTakenOffTheCommandLine()
    {
        var (command, settings) = CliConfiguration.Split(
            ["--Pacta:DataDirectory=/srv/pacta", "import", "--ConnectionStrings:Pacta", "Host=db", "a.json", "--", "--Not:ASetting"]);

        Assert.Equal(["import", "a.json", "--", "--Not:ASetting"], command);
        Assert.Equal(["--Pacta:DataDirectory=/srv/pacta", "--ConnectionStrings:Pacta", "Host=db"], settings);
    }

    [Fact]
    public void Build_OverridesAndCommandLine_WinInThatOrder()
    {
        var configuration = CliConfiguration.Build(
            ["--Pacta:DataDirectory=/from/command-line", "--Pacta:Database:Provider=postgres"],
            new Dictionary<string, string?> { ["Pacta:Database:Provider"] = "sqlite" });

        Assert.Equal("/from/command-line", configuration["Pacta:DataDirectory"]);
        Assert.Equal("sqlite", configuration["Pacta:Database:Provider"]);
    }
}
