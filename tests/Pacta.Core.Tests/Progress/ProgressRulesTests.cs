using Pacta.Core.Progress;

namespace Pacta.Core.Tests.Progress;

public class ProgressRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static ProgressStatus Of(DateOnly? start, DateOnly? end, int? daysSinceReport = null, Completion completion = Completion.Limited, int stalledDays = 90) =>
        ProgressRules.Of(new MilestoneFacts(start, end, null, daysSinceReport is { } d ? (Now.AddDays(-d), completion) : null), Now, stalledDays);

    [Fact]
    public void Complete_WhenTheNewestReportSaysSo_EvenPastItsEnd() =>
        Assert.Equal(ProgressStatus.Complete, Of(Today.AddDays(-400), Today.AddDays(-10), 5, Completion.Complete));

    [Fact]
    public void Overdue_PastItsEndAndNotComplete() =>
        Assert.Equal(ProgressStatus.Overdue, Of(Today.AddDays(-400), Today.AddDays(-1), 5, Completion.Substantial));

    [Fact]
    public void Stalled_StartedWithoutAReportForLongerThanTheThreshold() =>
        Assert.Equal(ProgressStatus.Stalled, Of(Today.AddDays(-91), Today.AddDays(300)));

    [Fact]
    public void Stalled_TheNewestReportOlderThanTheThreshold() =>
        Assert.Equal(ProgressStatus.Stalled, Of(Today.AddDays(-300), Today.AddDays(300), daysSinceReport: 100));

    [Fact]
    public void Stalled_FollowsTheConfiguredThreshold() =>
        Assert.Equal(ProgressStatus.OnTrack, Of(Today.AddDays(-300), Today.AddDays(300), daysSinceReport: 100, stalledDays: 120));

    [Fact]
    public void AtRisk_ThreeQuartersGoneWithLimitedProgress() =>
        Assert.Equal(ProgressStatus.AtRisk, Of(Today.AddDays(-80), Today.AddDays(20), daysSinceReport: 10, Completion.Limited));

    [Fact]
    public void OnTrack_ThreeQuartersGoneWithSubstantialProgress() =>
        Assert.Equal(ProgressStatus.OnTrack, Of(Today.AddDays(-80), Today.AddDays(20), daysSinceReport: 10, Completion.Substantial));

    [Fact]
    public void NotDue_BeforeItStarts() =>
        Assert.Equal(ProgressStatus.NotDue, Of(Today.AddDays(10), Today.AddDays(100)));

    [Fact]
    public void UnknownDates_NeverMakeItOverdueOrAtRisk() =>
        Assert.Equal(ProgressStatus.OnTrack, Of(null, null, daysSinceReport: 10, Completion.NotStarted));

    public static TheoryData<string> Clocks => ["2026-12-07T00:00:00Z", "2026-12-07T12:00:00Z", "2026-12-07T23:59:59.9999999Z", "2027-02-28T18:30:00Z"];

    /// <summary>
    /// Every kind of milestone (dates known or not, before, at and after the clock; reports of every completion at
    /// odd instants around the stalled threshold), at every instant worth trying between the clock and the bound.
    /// </summary>
    [Theory]
    [MemberData(nameof(Clocks))]
    public void SameUntil_StatusDoesNotChangeBeforeTheBound(string clock)
    {
        var now = DateTimeOffset.Parse(clock, System.Globalization.CultureInfo.InvariantCulture);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        int?[] days = [null, -400, -91, -90, -89, -80, -1, 0, 1, 10, 100];
        TimeSpan?[] reportAges = [null, TimeSpan.Zero, TimeSpan.FromHours(5), TimeSpan.FromDays(90) - TimeSpan.FromTicks(1), TimeSpan.FromDays(90),
            TimeSpan.FromDays(90) + TimeSpan.FromTicks(1), TimeSpan.FromDays(89.6), TimeSpan.FromDays(100)];
        var checkedCount = 0;
        foreach (var start in days)
            foreach (var end in days)
                foreach (var age in reportAges)
                    foreach (var completion in Enum.GetValues<Completion>())
                    {
                        if (age is null && completion != Completion.NotStarted) continue;
                        var facts = new MilestoneFacts(start is { } s ? today.AddDays(s) : null, end is { } e ? today.AddDays(e) : null, null,
                            age is { } a ? (now - a, completion) : null);
                        var status = ProgressRules.Of(facts, now);
                        var until = ProgressRules.SameUntil(facts, now);
                        Assert.True(until > now);
                        var span = until - now;
                        foreach (var at in (DateTimeOffset[])[now + span / 3, now + span / 2, until.AddTicks(-1)])
                            Assert.True(status == ProgressRules.Of(facts, at), $"{facts} at {at:O}: {ProgressRules.Of(facts, at)}, not {status} as at {now:O} (same until {until:O})");
                        checkedCount++;
                    }
        Assert.True(checkedCount > 1000);
    }

    [Fact]
    public void SameUntil_IsTheNextMidnight_WhenOnlyDatesMatter() =>
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero), ProgressRules.SameUntil(new MilestoneFacts(Today.AddDays(-10), Today.AddDays(10), null, null), Now));

    [Fact]
    public void SameUntil_EndsWhenAReportTurnsStalled_ToTheTick()
    {
        var reported = Now.AddDays(-90).AddHours(3);
        var facts = new MilestoneFacts(Today.AddDays(-300), Today.AddDays(300), null, (reported, Completion.Substantial));

        var until = ProgressRules.SameUntil(facts, Now);

        Assert.Equal(reported.AddDays(90).AddTicks(1), until);
        Assert.Equal(ProgressStatus.OnTrack, ProgressRules.Of(facts, until.AddTicks(-1)));
        Assert.Equal(ProgressStatus.Stalled, ProgressRules.Of(facts, until));
    }

    [Fact]
    public void Commitment_IsItsWorstMilestone() =>
        Assert.Equal(ProgressStatus.Overdue, ProgressRules.OfCommitment([ProgressStatus.OnTrack, ProgressStatus.Stalled, ProgressStatus.Overdue, ProgressStatus.Complete]));

    [Fact]
    public void Commitment_CompleteOnlyWhenEveryMilestoneIs() =>
        Assert.Equal(ProgressStatus.Complete, ProgressRules.OfCommitment([ProgressStatus.Complete, ProgressStatus.Complete]));

    [Fact]
    public void Commitment_SomeCompleteAndTheRestNotDue_IsOnTrack() =>
        Assert.Equal(ProgressStatus.OnTrack, ProgressRules.OfCommitment([ProgressStatus.Complete, ProgressStatus.NotDue]));

    [Fact]
    public void EveryStatus_HasAPublicName()
    {
        foreach (var status in Enum.GetValues<ProgressStatus>()) Assert.NotEmpty(PublicNames.Name(status));
        foreach (var completion in Enum.GetValues<Completion>()) Assert.NotEmpty(PublicNames.Name(completion));
    }

    [Fact]
    public void CompletionPercent_IsWeighted() =>
        Assert.Equal(60m, ProgressRules.CompletionPercent([(20m, Completion.Complete), (60m, Completion.Substantial), (20m, Completion.NotStarted)]));

    [Fact]
    public void CompletionPercent_WithAMissingWeight_WeighsEquallyAndRoundsToATenth() =>
        Assert.Equal(44.4m, ProgressRules.CompletionPercent([(null, Completion.Complete), (5m, Completion.Limited), (5m, Completion.NotStarted)]));

    [Fact]
    public void Newest_KeepsTheLatestReportOfEachMilestone_ByItsVersion7Id()
    {
        var first = Guid.CreateVersion7(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var correction = Guid.CreateVersion7(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));
        var other = Guid.CreateVersion7(new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero));
        var at = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

        // Given out of order: the correction (a later id) counts, whatever its claimed time.
        var newest = ProgressRules.Newest([("P1-01", 1, correction, at, Completion.Limited), ("P1-01", 1, first, at.AddDays(1), Completion.Complete), ("P1-01", 2, other, at, Completion.Substantial)]);

        Assert.Equal(2, newest.Count);
        Assert.Equal(Completion.Limited, newest[("P1-01", 1)].Completion);
        Assert.Equal(Completion.Substantial, newest[("P1-01", 2)].Completion);
    }
}
