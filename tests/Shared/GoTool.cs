using System.Diagnostics;

namespace Pacta.Testing;

/// <summary>Runs Go (or a program Go built) for the interop tests against Go's sumdb/note and sumdb/tlog.</summary>
public static class GoTool
{
    public static (int Exit, byte[] Output, string Error) Run(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // GOPATH mode with the Debian source tree (test.sh installs golang-golang-x-mod-dev): no module proxy, no network.
        start.Environment["GO111MODULE"] = "off";
        start.Environment["GOPATH"] = "/usr/share/gocode";
        start.Environment["GOFLAGS"] = "";
        start.Environment["GOCACHE"] = Path.Combine(Path.GetTempPath(), "pacta-go-cache");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        using var output = new MemoryStream();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        return (process.ExitCode, output.ToArray(), error.Result);
    }
}
