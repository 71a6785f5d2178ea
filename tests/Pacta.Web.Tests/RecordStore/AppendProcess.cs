using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Pacta.Core.Data;

namespace Pacta.Web.Tests.RecordStore;

/// <summary>
/// A separate Pacta process appending through <c>RecordWriter</c> in a loop (<c>bench/record-append loop</c>),
/// which prints each index on stdout only after its commit returned: those are the acknowledged appends.
/// </summary>
internal sealed class AppendProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<long> _acknowledged = new();
    private readonly StringBuilder _errors = new();

    private AppendProcess(Process process) => _process = process;

    /// <summary>The loop program as built with the tests (test.sh builds Pacta.slnx in Debug; the test project references it so a lone build does too).</summary>
    public static string Program
    {
        get
        {
            // …/tests/Pacta.Web.Tests/bin/CONFIGURATION/net10.0/
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var path = RepositoryFiles.Path("bench", "record-append", "bin", output.Parent!.Name, output.Name, "record-append.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not built: build Pacta.slnx (./test.sh does).", path);
        }
    }

    public static AppendProcess Start(DatabaseSettings settings, int writers, long? count = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Program);
        start.ArgumentList.Add("loop");
        start.ArgumentList.Add("--provider");
        start.ArgumentList.Add(settings.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres");
        start.ArgumentList.Add("--connection");
        start.ArgumentList.Add(settings.ConnectionString);
        start.ArgumentList.Add("--writers");
        start.ArgumentList.Add(writers.ToString(CultureInfo.InvariantCulture));
        if (count is { } n)
        {
            start.ArgumentList.Add("--count");
            start.ArgumentList.Add(n.ToString(CultureInfo.InvariantCulture));
        }
        var process = new Process { StartInfo = start };
        var appending = new AppendProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line) appending._acknowledged.Enqueue(long.Parse(line, CultureInfo.InvariantCulture));
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (appending._errors) appending._errors.AppendLine(e.Data);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return appending;
    }

    public IReadOnlyList<long> Acknowledged => [.. _acknowledged];

    public string Errors
    {
        get { lock (_errors) return _errors.ToString(); }
    }

    /// <summary>Waits until at least <paramref name="count"/> appends are acknowledged; fails if the process ends first or time runs out.</summary>
    public async Task WaitForAcknowledgedAsync(int count, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (_acknowledged.Count < count)
        {
            if (_process.HasExited) Assert.Fail($"The appending process exited ({_process.ExitCode}) after {_acknowledged.Count} acknowledged appends:\n{Errors}");
            if (clock.Elapsed > timeout) Assert.Fail($"Only {_acknowledged.Count} appends acknowledged in {timeout.TotalSeconds} s:\n{Errors}");
            await Task.Delay(20);
        }
    }

    /// <summary>SIGKILL on Linux: no shutdown code runs. Then reads what it had printed (still in the pipe) to the end.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            Assert.Fail($"The appending process did not finish in {timeout.TotalSeconds} s ({_acknowledged.Count} acknowledged):\n{Errors}");
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}
