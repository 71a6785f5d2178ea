using Pacta.Cli;
using Pacta.Core.Verification;

namespace Pacta.Web.Tests.Verify;

public sealed class VerifyProgressBarTests
{
    [Fact]
    public void OnATerminal_DrawsTheFirstAndLastStates_ThenEndsTheLine()
    {
        using var error = new StringWriter();
        using (var bar = new VerifyProgressBar(error, enabled: true))
        {
            bar.Report(new VerifyProgress(256, 1000));
            bar.Report(new VerifyProgress(512, 1000)); // within 100 ms of the last: not redrawn
            bar.Report(new VerifyProgress(1000, 1000));
        }

        Assert.Equal(
            "\r[#######.......................]  26% 256/1,000 entries " +
            "\r[##############################] 100% 1,000/1,000 entries " + Environment.NewLine,
            error.ToString());
    }

    [Fact]
    public void NotATerminal_WritesNothing()
    {
        using var error = new StringWriter();
        using (var bar = new VerifyProgressBar(error, enabled: false))
            bar.Report(new VerifyProgress(1, 1));

        Assert.Equal("", error.ToString());
    }
}
