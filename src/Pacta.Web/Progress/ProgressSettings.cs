using System.Net;
using Pacta.Core.Progress;

namespace Pacta.Web.Progress;

/// <summary>
/// Implementation settings: how long without a progress report makes a started milestone stalled
/// (<c>Pacta:Progress:StalledDays</c>, 90 by default), and whether and how the links of a report are fetched to record
/// the hash of what they served (<c>Pacta:Progress:FetchLinks</c>, off by default: Pacta requests nothing unless the
/// operator says so).
/// </summary>
internal sealed record ProgressSettings(int StalledDays, bool FetchLinks, LinkFetchOptions Fetch)
{
    public static ProgressSettings FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Pacta:Progress");
        var stalled = section.GetValue("StalledDays", ProgressRules.DefaultStalledDays) is var days and > 0 ? days : ProgressRules.DefaultStalledDays;
        var maxBytes = section.GetValue("FetchMaxBytes", EvidenceFiles.MaxBytes);
        if (maxBytes <= 0) throw new InvalidOperationException($"Pacta:Progress:FetchMaxBytes must be a positive number of bytes, not {maxBytes}.");
        var seconds = section.GetValue("FetchTimeoutSeconds", LinkFetchOptions.DefaultTimeoutSeconds);
        if (seconds is <= 0 or > 300) throw new InvalidOperationException($"Pacta:Progress:FetchTimeoutSeconds must be between 1 and 300, not {seconds}.");
        var networks = new List<IPNetwork>();
        foreach (var text in section.GetSection("FetchAllowedNetworks").Get<string[]>() ?? [])
        {
            if (!IPNetwork.TryParse(text, out var network))
                throw new InvalidOperationException($"Pacta:Progress:FetchAllowedNetworks: '{text}' is not a network like 10.20.0.0/16 or fd00:1::/64.");
            networks.Add(network);
        }
        return new(stalled, section.GetValue("FetchLinks", false),
            new LinkFetchOptions(maxBytes, TimeSpan.FromSeconds(seconds), section.GetValue("FetchPrivateAddresses", false), networks));
    }
}
