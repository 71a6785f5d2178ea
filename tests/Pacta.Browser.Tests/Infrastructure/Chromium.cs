using Microsoft.Playwright;

namespace Pacta.Browser.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright's bundled driver (node, copied to the build output by the
/// Microsoft.Playwright package): no browser is ever downloaded. One per test class; pages run in
/// sequence, each in a fresh context (no cookies or cache shared between pages).
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string Variable = "PACTA_TEST_CHROMIUM";

    /// <summary>Headless and quiet: no GPU, and nothing of Chromium's own that calls home.</summary>
    public static readonly IReadOnlyList<string> Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium is not started yet.");

    /// <summary>The Chromium that ./test.sh provides; fails with this message, never skips, when it is missing.</summary>
    public static string ExecutablePath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable(Variable);
            if (string.IsNullOrEmpty(path))
                throw new InvalidOperationException(
                    $"{Variable} is not set: the browser tests need Debian's Chromium, which ./test.sh installs and points " +
                    $"{Variable} at (/usr/bin/chromium). Run ./test.sh, or set {Variable} to a Chromium executable.");
            if (!File.Exists(path))
                throw new InvalidOperationException($"{Variable} is {path}, which does not exist. Install it (apt-get install chromium) or run ./test.sh.");
            const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & anyExecute) == 0)
                throw new InvalidOperationException($"{Variable} is {path}, which is not executable.");
            return path;
        }
    }

    public async Task InitializeAsync()
    {
        var executable = ExecutablePath;
        _playwright = await Playwright.CreateAsync();
        // Launch, not LaunchPersistentContext: Playwright then gives Chromium a fresh temporary
        // --user-data-dir of its own and deletes it on close, and contexts keep their Browser (axe
        // needs it to open the blank page where it merges its results).
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = executable,
            Headless = true,
            Args = Arguments,
            Timeout = 30_000,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}
