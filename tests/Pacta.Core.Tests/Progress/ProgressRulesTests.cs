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
}
