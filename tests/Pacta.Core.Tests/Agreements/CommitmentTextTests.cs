using System.Text;
using Pacta.Core.Agreements;
using Pacta.Core.Commitments;

namespace Pacta.Core.Tests.Agreements;

public class CommitmentTextTests
{
    internal static CommitmentText Sample(string title = "Controles democráticos", decimal? weight = 50) => new(
        new LocalizedText(title, null), "Civic Space",
        new LocalizedText("Problema", null), new LocalizedText("Situación", null), new LocalizedText("Objetivo", "Objective"),
        [OgpValues.CivicParticipation], "SFP", ["INAI"],
        new DateOnly(2026, 1, 1), new DateOnly(2027, 6, 30),
        [new MilestoneText(1, new LocalizedText("Diagnóstico", null), "SFP", new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), weight)]);

    [Fact]
    public void Json_RoundTrips_AndTheHashIsOfTheCanonicalBytes()
    {
        var text = Sample();
        var again = CommitmentText.FromJson(Encoding.UTF8.GetString(text.Canonical()));

        Assert.Equal(text.Hash(), again.Hash());
        Assert.Equal(64, text.Hash().Length);
        Assert.Equal(CommitmentText.HashOf(text.Canonical()), text.Hash());
    }

    [Fact]
    public void Hash_ChangesWithOneWord() =>
        Assert.NotEqual(Sample().Hash(), Sample("Controles democráticos efectivos").Hash());

    [Fact]
    public void Problems_OfASoundText_AreNone() => Assert.Empty(Sample().Problems());

    [Fact]
    public void Problems_NameTheField()
    {
        var text = Sample(title: "", weight: -1) with { Title = LocalizedText.Unknown, EndDate = new DateOnly(2025, 1, 1), OgpValues = ["transparency"] };

        var fields = text.Problems().Select(p => p.Field).ToList();

        Assert.Contains("title", fields);
        Assert.Contains("endDate", fields);
        Assert.Contains("ogpValues", fields);
        Assert.Contains("milestones[0].weight", fields);
        Assert.Equal("milestones[0].weight: -1 is not a positive number with at most 4 decimals",
            text.Problems().Single(p => p.Field == "milestones[0].weight").Message);
    }

    [Fact]
    public void Problems_AMilestoneEndingBeforeItStarts_IsNamed()
    {
        var text = Sample() with { Milestones = [new MilestoneText(1, new LocalizedText("Hito", null), null, new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1), null)] };

        Assert.Equal("milestones[0].endDate: 2026-04-01 is before the start date 2026-05-01", Assert.Single(text.Problems()).Message);
    }
}
