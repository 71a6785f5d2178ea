using Microsoft.Playwright;

namespace Pacta.Browser.Tests.Infrastructure;

/// <summary>Files a test run leaves for people to look at, under artifacts/ at the repository root.</summary>
public static class Artifacts
{
    public static string Screenshots { get; } = Directory.CreateDirectory(RepositoryFiles.Path("artifacts", "screenshots")).FullName;

    /// <summary>Saves the whole page, not just the viewport, as artifacts/screenshots/{name}.png.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

}
