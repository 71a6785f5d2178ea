using System.Text;
using Pacta.Core.People;
using Pacta.Core.Verification.Replay;
using Pacta.Web.Tests.Infrastructure;
using Pacta.Web.Tests.Replay;

namespace Pacta.Web.Tests.People;

/// <summary>What the verifier's replay makes of representative events, after the seeded record's 44 entries.</summary>
public abstract class RepresentativeReplayTests(PactaApp app)
{
    private static readonly DateTimeOffset Time = new(2026, 11, 25, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AppointedThenRemoved_SetsThenClearsTheRepresentative()
    {
        var replay = await PortalReplay.ReplayAsync(app);
        var appointment = Guid.CreateVersion7();
        var representative = new PublicRepresentative(appointment, "executive", "SFP", Time, [new PublicCredential("AAEC", "pQEC", -7)]);

        replay.Apply(44, RepresentativeEvents.AppointedEvent(RepresentativeEvents.Actor("executive", null), representative).Encode(Time));
        var appointed = replay.State.Entities[$"representative/{appointment:D}"];
        replay.Apply(45, RepresentativeEvents.RemovedEvent(RepresentativeEvents.Actor("executive", null), appointment, "executive", "SFP", Time, Time.AddDays(1)).Encode(Time));

        Assert.Empty(replay.Problems);
        Assert.Equal((EntityKind.Representative, 44), (appointed.Kind, appointed.Index));
        Assert.False(replay.State.Entities.ContainsKey($"representative/{appointment:D}"));
    }

    [Fact]
    public async Task RemovedWithoutAnAppointment_IsAProblem()
    {
        var replay = await PortalReplay.ReplayAsync(app);
        var appointment = Guid.CreateVersion7();

        replay.Apply(44, RepresentativeEvents.RemovedEvent(RepresentativeEvents.Actor("executive", null), appointment, "executive", null, Time, Time).Encode(Time));

        Assert.Equal([$"entry 44: ends representative/{appointment:D}, which no earlier entry appointed (or one already ended it)"],
            replay.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public async Task AppointedWithAnUnknownOrganizationOrAnExtraField_IsAProblem()
    {
        var replay = await PortalReplay.ReplayAsync(app);
        var representative = new PublicRepresentative(Guid.CreateVersion7(), "executive", "NOPE", Time, [new PublicCredential("AAEC", "pQEC", null)]);
        var unknown = RepresentativeEvents.AppointedEvent(RepresentativeEvents.Actor("executive", null), representative).Encode(Time);
        var extra = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(
            RepresentativeEvents.AppointedEvent(RepresentativeEvents.Actor("executive", null), representative with { Organization = "SFP" }).Encode(Time))
            .Replace("\"algorithm\":null,", "\"algorithm\":null,\"email\":\"a@example.org\",", StringComparison.Ordinal));

        replay.Apply(44, unknown);
        replay.Apply(45, extra);

        var problems = replay.Problems.Select(p => p.ToString()).ToList();
        Assert.Equal(2, problems.Count);
        Assert.StartsWith("entry 44: data.organization names organization/NOPE, which no earlier entry created", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("entry 45: data.credentials[0].email is not a member of a representative.appointed event", problems[1], StringComparison.Ordinal);
    }
}

public sealed class RepresentativeReplayTestsOnSqlite(SqliteApp app) : RepresentativeReplayTests(app), IClassFixture<SqliteApp>;

public sealed class RepresentativeReplayTestsOnPostgres(PostgresApp app) : RepresentativeReplayTests(app), IClassFixture<PostgresApp>;
