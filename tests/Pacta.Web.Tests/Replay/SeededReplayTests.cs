using Pacta.Core.Verification.Replay;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Replay;

/// <summary>The seeded app's record, replayed, is exactly what its open data API shows.</summary>
public abstract class SeededReplayTests(PactaApp app)
{
    [Fact]
    public async Task SeededRecord_Replays_EveryEntryWithoutProblems()
    {
        var replay = await PortalReplay.ReplayAsync(app);

        Assert.Empty(replay.Problems);
        Assert.Equal(44, replay.Count);
        // One event per entity: 1 forum, 3 parties, 18 organisations, 3 participation changes, 2 plans, 16 commitments.
        var kinds = replay.State.Entities.Values.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(
            [(EntityKind.Forum, 1), (EntityKind.Party, 3), (EntityKind.Organization, 18), (EntityKind.Participation, 3), (EntityKind.Plan, 3), (EntityKind.Commitment, 16)],
            kinds.OrderBy(k => k.Key).Select(k => (k.Key, k.Value)));
        Assert.Equal(await PortalReplay.LatestEntryAsync(app, "commitment/DEMO01"), replay.State.Entities["commitment/DEMO01"].Index);
    }

    [Fact]
    public async Task SeededRecord_ComparedWithThePortal_HasNoDifference()
    {
        var differences = await PortalReplay.CompareAsync(app);

        Assert.Empty(differences.Select(d => d.ToString()));
    }
}

public sealed class SeededReplayTestsOnSqlite(SqliteApp app) : SeededReplayTests(app), IClassFixture<SqliteApp>;

public sealed class SeededReplayTestsOnPostgres(PostgresApp app) : SeededReplayTests(app), IClassFixture<PostgresApp>;
