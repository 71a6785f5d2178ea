using System.Diagnostics;
using System.Globalization;
using Pacta.Core.Verification;

namespace Pacta.Cli;

/// <summary>
/// A progress bar on stderr while a verification runs, redrawn at most ten times a second; only when stderr is
/// a terminal, so logs and pipes get no carriage returns.
/// </summary>
internal sealed class VerifyProgressBar(CliContext cli) : IProgress<VerifyProgress>, IDisposable
{
    private const int Width = 30;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly bool enabled = cli.ErrorIsTerminal;
    private TimeSpan drawn = TimeSpan.MinValue;
    private bool visible;

    public void Report(VerifyProgress value)
    {
        if (!enabled) return;
        var now = clock.Elapsed;
        if (value.EntriesDone < value.EntriesTotal && now - drawn < TimeSpan.FromMilliseconds(100)) return;
        drawn = now;
        var fraction = value.EntriesTotal == 0 ? 1 : (double)value.EntriesDone / value.EntriesTotal;
        var filled = (int)(fraction * Width);
        cli.Error.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r[{new string('#', filled)}{new string('.', Width - filled)}] {fraction,4:P0} {value.EntriesDone:N0}/{value.EntriesTotal:N0} entries "));
        visible = true;
    }

    /// <summary>Ends the bar's line, so the next message starts on its own.</summary>
    public void Finish()
    {
        if (!visible) return;
        cli.Error.WriteLine();
        visible = false;
    }

    public void Dispose() => Finish();
}
