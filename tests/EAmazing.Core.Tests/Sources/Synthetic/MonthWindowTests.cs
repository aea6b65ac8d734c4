using EAmazing.Sources.Synthetic;

namespace EAmazing.Core.Tests.Sources.Synthetic;

public sealed class MonthWindowTests
{
    [Theory]
    [InlineData("2019-10", "2019-10", 1, 31)]
    [InlineData("2019-10..2019-11", "2019-10", 2, 61)]
    [InlineData("2019-10..2020-04", "2019-10", 7, 213)]
    [InlineData(" 2020-03 .. 2020-04 ", "2020-03", 2, 61)]
    public void Valid_Ranges_Parse(string text, string first, int months, int days)
    {
        Assert.True(MonthWindow.TryParse(text, out var window, out _));
        Assert.Equal(first, window!.FirstMonth.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(months, window.MonthCount);
        Assert.Equal(days, window.DayCount);
    }

    [Theory]
    [InlineData("2019-13", "not a month range")]
    [InlineData("October", "not a month range")]
    [InlineData("2019-11..2019-10", "before the first")]
    [InlineData("2019-09", "REES46 period")]
    [InlineData("2019-10..2020-05", "REES46 period")]
    [InlineData("2019-10..2019-11..2019-12", "not a month range")]
    public void Invalid_Ranges_Explain_Themselves(string text, string message)
    {
        Assert.False(MonthWindow.TryParse(text, out _, out var error));
        Assert.Contains(message, error);
    }

    [Fact]
    public void Scales_Produce_The_Documented_Sizes()
    {
        Assert.Equal(20_000, ScaleProfile.For(GenerationScale.Tiny, ScaleProfile.DefaultWindow(GenerationScale.Tiny)).TotalEvents);
        Assert.InRange(ScaleProfile.For(GenerationScale.Demo, ScaleProfile.DefaultWindow(GenerationScale.Demo)).TotalEvents, 1_999_000, 2_001_000);
        Assert.Equal(42_448_764, ScaleProfile.For(GenerationScale.Month, ScaleProfile.DefaultWindow(GenerationScale.Month)).TotalEvents);
        Assert.Equal(411_709_736, ScaleProfile.For(GenerationScale.Full, ScaleProfile.DefaultWindow(GenerationScale.Full)).TotalEvents);
    }
}
