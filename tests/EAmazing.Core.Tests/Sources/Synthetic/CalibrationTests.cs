using EAmazing.Sources.Synthetic.Realism;
using EAmazing.Sources.Synthetic.Truth;
using EAmazing.Core.Tests.Support;

namespace EAmazing.Core.Tests.Sources.Synthetic;

/// <summary>
/// The generated world against the real REES46 statistics, on about 770 thousand events (demo scale,
/// October 2019). Tolerances are stated per figure; they are what the realism table in the README shows.
/// </summary>
public sealed class CalibrationTests(DemoOctoberDataset october) : IClassFixture<DemoOctoberDataset>
{
    [Fact]
    public void The_Sample_Is_Large_Enough_For_Calibration() => Assert.True(october.Summary.Events >= 200_000);

    [Theory]
    [InlineData("month-wide", "view share", 0.015)]
    [InlineData("month-wide", "cart share", 0.006)]
    [InlineData("month-wide", "purchase share", 0.004)]
    [InlineData("month-wide", "sessions with a purchase", 0.015)]
    [InlineData("month-wide", "cart sessions ending without purchase", 0.05)]
    [InlineData("month-wide", "item popularity Gini", 0.08)]
    [InlineData("month-wide", "session length, repeats removed, len >= 2", 0.6)]
    [InlineData("night window", "empty category_code share", 0.04)]
    [InlineData("night window", "empty brand share", 0.04)]
    [InlineData("night window", "events per session, median", 0.5)]
    [InlineData("night window", "single-event session share", 0.05)]
    [InlineData("night window", "sessions per user", 0.15)]
    [InlineData("night window", "consecutive repeat share", 0.05)]
    [InlineData("night window", "view share", 0.015)]
    public void Figure_Is_Within_Absolute_Tolerance_Of_The_Real_One(string group, string name, double tolerance)
    {
        var figure = Find(group, name);
        Assert.True(Math.Abs(figure.Generated - figure.Real) <= tolerance,
            $"{group} / {name}: generated {figure.Generated:0.0000}, real {figure.Real:0.0000}, tolerance ±{tolerance}");
    }

    [Theory]
    [InlineData("price p25", 0.20)]
    [InlineData("price median", 0.20)]
    [InlineData("price p75", 0.20)]
    [InlineData("price p95", 0.30)]
    [InlineData("price max", 0.05)]
    public void Price_Quantile_Is_Within_Relative_Tolerance(string name, double tolerance)
    {
        var figure = Find("night window", name);
        Assert.True(Math.Abs(figure.RelativeDifference) <= tolerance, $"{name}: generated {figure.Generated:0.00}, real {figure.Real:0.00}");
    }

    [Fact]
    public void Most_Purchase_Sessions_Hold_No_Cart_As_In_The_Real_File()
    {
        // 7% of sessions buy, 70% of cart sessions do not: so most buying sessions never logged a cart.
        var buying = Find("month-wide", "sessions with a purchase").Generated;
        var cartSessions = (double)october.Summary.CartSessions / october.Summary.Sessions;
        var cartBuying = cartSessions * (1 - Find("month-wide", "cart sessions ending without purchase").Generated);
        Assert.True(cartBuying < buying / 2, $"cart-and-purchase sessions {cartBuying:0.0000} vs purchase sessions {buying:0.0000}");
    }

    [Fact]
    public void Oracle_Auc_Is_In_The_Realistic_Band()
    {
        var oracle = OracleCheck.FromTruth(october.TruthDirectory);
        Assert.InRange(oracle.OracleAuc, 0.65, 0.80);
    }

    [Fact]
    public void Oracle_Probabilities_Are_Calibrated_Overall_And_By_Decile()
    {
        var oracle = OracleCheck.FromTruth(october.TruthDirectory);
        Assert.True(Math.Abs(oracle.MeanProbability - oracle.PurchaseRate) <= 3 * oracle.RateStandardError,
            $"mean p {oracle.MeanProbability:0.0000}, observed {oracle.PurchaseRate:0.0000} ± {oracle.RateStandardError:0.0000}");

        foreach (var (meanP, rate, n) in TruthReader.CalibrationBins(october.TruthDirectory, 10))
        {
            var se = Math.Sqrt(meanP * (1 - meanP) / n);
            Assert.True(Math.Abs(meanP - rate) <= 4 * se, $"bin with mean p {meanP:0.000}: observed {rate:0.000} (n={n})");
        }
    }

    private RealismFigure Find(string group, string name) =>
        october.Figures.Single(f => f.Group == group && f.Name == name);
}
