using System.Diagnostics;
using System.Globalization;
using Pacta.Core.Verification;

namespace Pacta.Cli;

/// <summary>
/// A progress bar on stderr while a verification runs, redrawn at most ten times a second; only when stderr is
/// a terminal, so logs and pipes get no carriage returns.
/// </summary>
internal sealed class VerifyProgressBar(TextWriter error, bool enabled) : IProgress<VerifyProgress>, IDisposable
{
    private const int Width = 30;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan? drawn;
    private bool visible;

    public VerifyProgressBar(CliContext cli) : this(cli.Error, cli.ErrorIsTerminal)
    {
    }

    public void Report(VerifyProgress value)
    {
        if (!enabled) return;
        var now = clock.Elapsed;
        if (value.EntriesDone < value.EntriesTotal && drawn is { } last && now - last < TimeSpan.FromMilliseconds(100)) return;
        drawn = now;
        var fraction = value.EntriesTotal == 0 ? 1 : (double)value.EntriesDone / value.EntriesTotal;
        var filled = (int)(fraction * Width);
        error.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r[{new string('#', filled)}{new string('.', Width - filled)}] {fraction * 100,3:0}% {value.EntriesDone:N0}/{value.EntriesTotal:N0} entries "));
        visible = true;
    }

    /// <summary>Ends the bar's line, so the next message starts on its own.</summary>
    public void Finish()
    {
        if (!visible) return;
        error.WriteLine();
        visible = false;
    }

    public void Dispose() => Finish();
}
