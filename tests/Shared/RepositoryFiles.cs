namespace Pacta.Testing;

/// <summary>
/// Files of the repository (testdata/, docs/, src/), found from the test's output directory.
/// One file, linked into each test project that needs it.
/// </summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Pacta.slnx"))) return directory.FullName;
        throw new InvalidOperationException($"No Pacta.slnx above {AppContext.BaseDirectory}: where is the repository?");
    }
}
