using System.Text.RegularExpressions;
using Pacta.Core.Commitments;
using Pacta.Core.Forum;
using Pacta.Core.Plans;

namespace Pacta.Core.Tests;

public class PublicNamesTests
{
    private static void AssertNamed<TEnum>(Func<TEnum, string> name) where TEnum : struct, Enum
    {
        var names = PublicNames.All(name);

        Assert.Equal(Enum.GetValues<TEnum>().Length, names.Count);
        Assert.All(names.Keys, n => Assert.Matches(new Regex("^[a-z]+(-[a-z]+)*$"), n));
        Assert.All(names, pair => Assert.Equal(pair.Key, name(pair.Value)));
    }

    [Fact]
    public void EveryDomainValue_HasOneUniqueKebabCaseName()
    {
        AssertNamed<DecisionRule>(PublicNames.Name);
        AssertNamed<ParticipationStatus>(PublicNames.Name);
        AssertNamed<PlanState>(PublicNames.Name);
        AssertNamed<CommitmentProvenance>(PublicNames.Name);
    }

    [Theory]
    [InlineData(DecisionRule.SingleRepresentative, "single-representative")]
    [InlineData(DecisionRule.Unanimity, "unanimity")]
    public void Name_DecisionRule_IsTheFormatsName(DecisionRule rule, string expected) =>
        Assert.Equal(expected, PublicNames.Name(rule));
}
