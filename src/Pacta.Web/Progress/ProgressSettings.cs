using Pacta.Core.Progress;

namespace Pacta.Web.Progress;

/// <summary>How long without a progress report makes a started milestone stalled: <c>Pacta:Progress:StalledDays</c>, 90 by default.</summary>
internal sealed record ProgressSettings(int StalledDays)
{
    public static ProgressSettings FromConfiguration(IConfiguration configuration) =>
        new(configuration.GetValue("Pacta:Progress:StalledDays", ProgressRules.DefaultStalledDays) is var days and > 0 ? days : ProgressRules.DefaultStalledDays);
}
