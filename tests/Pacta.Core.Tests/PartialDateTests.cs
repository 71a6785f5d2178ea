namespace Pacta.Core.Tests;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("2019", 2019, null, null)]
    [InlineData("2017-05", 2017, 5, null)]
    [InlineData("2021-08-31", 2021, 8, 31)]
    [InlineData("2020-02-29", 2020, 2, 29)]
    [InlineData("0001-01-01", 1, 1, 1)]
    public void TryParse_RealDate_KeepsItsPrecision(string text, int year, int? month, int? day)
    {
        var parsed = PartialDate.TryParse(text, out var date);

        Assert.True(parsed);
        Assert.Equal(new PartialDate(year, month, day), date);
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("2021-02-30")]
    [InlineData("2019-02-29")]
    [InlineData("2021-04-31")]
    [InlineData("2019-13")]
    [InlineData("2019-00")]
    [InlineData("2019-05-00")]
    [InlineData("19-01-01")]
    [InlineData("2019-1")]
    [InlineData("2019-01-1")]
    [InlineData("0000")]
    [InlineData("yesterday")]
    [InlineData("")]
    [InlineData(" 2019")]
    [InlineData("2019-")]
    [InlineData("+2019")]
    [InlineData("2019-05-01T00:00")]
    [InlineData("2019/05/01")]
    [InlineData("２０１９")]
    [InlineData(null)]
    public void TryParse_NotADate_IsRefused(string? text)
    {
        var parsed = PartialDate.TryParse(text, out var date);

        Assert.False(parsed);
        Assert.Null(date);
    }

    [Fact]
    public void Parse_NotADate_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => PartialDate.Parse("2021-02-30"));
    }

    [Fact]
    public void Constructor_ImpossibleDay_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(2021, 2, 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(2021, null, 1));
    }

    [Theory]
    [InlineData("2021", "2021-01-01", "2021-12-31")]
    [InlineData("2020-02", "2020-02-01", "2020-02-29")]
    [InlineData("2021-08-31", "2021-08-31", "2021-08-31")]
    public void StartAndEnd_PartialDate_CoverEveryDayItCanMean(string text, string start, string end)
    {
        var date = PartialDate.Parse(text);

        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), date.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), date.End);
    }

    [Fact]
    public void CompareTo_DatesOfMixedPrecision_OrderChronologically()
    {
        string[] texts = ["2022-10-25", "2017-05", "2019-03-05", "2017", "2019"];
        var dates = texts.Select(PartialDate.Parse);

        var ordered = dates.Order().Select(d => d.ToString());

        Assert.Equal(["2017", "2017-05", "2019", "2019-03-05", "2022-10-25"], ordered);
    }
}
