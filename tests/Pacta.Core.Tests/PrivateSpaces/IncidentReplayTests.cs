using System.Text.Json.Nodes;
using Pacta.Core.PrivateSpaces;
using Pacta.Core.Verification.Replay;
using static Pacta.Core.Tests.Verification.Replay.ReplayEvents;

namespace Pacta.Core.Tests.PrivateSpaces;

/// <summary>The verifier's replay knows <c>incident.published</c> as PublishIncident writes it, and refuses one with more.</summary>
public sealed class IncidentReplayTests
{
    private static PublishedIncident Incident(string party = "p") => new()
    {
        ReportId = Guid.CreateVersion7(),
        PartyKey = party,
        Category = IncidentCategory.Threat,
        Month = "2026-11",
        SummaryEs = "Amenazas a una integrante tras la sesión del foro.",
        SummaryEn = null,
        PublishedAt = Time,
    };

    [Fact]
    public void Replay_PublishedIncident_IsAnIncidentEntityWithItsData()
    {
        var incident = Incident();
        var replay = new PublicStateReplay();
        replay.Apply(0, Encode(Party("p")));
        replay.Apply(1, Encode(PublishIncident.Event(incident)));

        Assert.Empty(replay.Problems);
        var entity = Assert.Single(replay.State.OfKind(EntityKind.Incident));
        Assert.Equal($"incident/{incident.Id}", entity.Subject);
        var data = JsonNode.Parse(entity.Data.Span)!;
        Assert.Equal("threat", (string?)data["category"]);
        Assert.Equal("2026-11", (string?)data["month"]);
        Assert.Equal("p", (string?)data["party"]);
    }

    [Fact]
    public void Replay_IncidentWithDetails_IsAProblem()
    {
        var e = PublishIncident.Event(Incident());
        e.Data["details"] = "no debería estar aquí";
        var replay = new PublicStateReplay();
        replay.Apply(0, Encode(Party("p")));
        replay.Apply(1, Encode(e));

        Assert.Contains(replay.Problems, p => p.Message.Contains("data.details is not a member of a incident.published event", StringComparison.Ordinal));
    }

    [Fact]
    public void Replay_IncidentOfAnUnknownParty_IsAProblem()
    {
        var replay = new PublicStateReplay();
        replay.Apply(0, Encode(PublishIncident.Event(Incident("nobody"))));

        Assert.Contains(replay.Problems, p => p.Message.Contains("names party/nobody, which no earlier entry created", StringComparison.Ordinal));
    }
}
