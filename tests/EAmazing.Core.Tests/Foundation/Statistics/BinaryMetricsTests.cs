using EAmazing.Foundation.Statistics;
using EAmazing.Models.Evaluation;
using FsCheck;
using FsCheck.Fluent;

namespace EAmazing.Core.Tests.Foundation.Statistics;

public sealed class BinaryMetricsTests
{
    private static readonly ScoredExample[] Perfect = [new(0.1f, false), new(0.2f, false), new(0.8f, true), new(0.9f, true)];

    [Fact]
    public void A_Perfect_Ranking_Has_Auc_And_Average_Precision_One()
    {
        Assert.Equal(1.0, BinaryMetrics.RocAuc(Perfect));
        Assert.Equal(1.0, BinaryMetrics.PrAuc(Perfect));
    }

    [Fact]
    public void A_Reversed_Ranking_Has_Auc_Zero_And_Constant_Scores_Half()
    {
        Assert.Equal(0.0, BinaryMetrics.RocAuc(Perfect.Select(e => e with { Probability = 1 - e.Probability }).ToArray()));
        Assert.Equal(0.5, BinaryMetrics.RocAuc(Perfect.Select(e => e with { Probability = 0.3f }).ToArray()));
    }

    [Fact]
    public void Auc_Equals_The_Share_Of_Correctly_Ordered_Pairs() =>
        Prop.ForAll(
            Gen.Zip(Gen.Choose(0, 20), Gen.Elements(true, false)).Select(t => new ScoredExample(t.Item1 / 20f, t.Item2)).ArrayOf().ToArbitrary(),
            examples =>
            {
                var positives = examples.Where(e => e.Label).ToArray();
                var negatives = examples.Where(e => !e.Label).ToArray();
                if (positives.Length == 0 || negatives.Length == 0)
                {
                    return double.IsNaN(BinaryMetrics.RocAuc(examples));
                }

                var pairs = positives.SelectMany(p => negatives, (p, n) => p.Probability > n.Probability ? 1.0 : p.Probability == n.Probability ? 0.5 : 0.0);
                return Math.Abs(pairs.Average() - BinaryMetrics.RocAuc(examples)) < 1e-9;
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Log_Loss_And_Brier_Have_Their_Textbook_Values()
    {
        ScoredExample[] examples = [new(0.8f, true), new(0.4f, false)];
        Assert.Equal((-Math.Log(0.8f) - Math.Log(1 - 0.4f)) / 2, BinaryMetrics.LogLoss(examples), 6);
        Assert.Equal((Math.Pow(0.2, 2) + Math.Pow(0.4, 2)) / 2, BinaryMetrics.Brier(examples), 6);
    }

    [Fact]
    public void Calibrated_Scores_Have_Small_Calibration_Error_And_Overconfident_Ones_Large()
    {
        var rng = new Random(1);
        var calibrated = Enumerable.Range(0, 20_000).Select(_ =>
        {
            var p = (float)rng.NextDouble();
            return new ScoredExample(p, rng.NextDouble() < p);
        }).ToArray();
        var overconfident = calibrated.Select(e => e with { Probability = e.Probability > 0.5f ? 0.99f : 0.01f }).ToArray();

        Assert.True(BinaryMetrics.ExpectedCalibrationError(calibrated) < 0.02);
        Assert.True(BinaryMetrics.ExpectedCalibrationError(overconfident) > 0.2);
    }

    [Fact]
    public void Lift_At_Top_Decile_Is_The_Top_Rate_Over_The_Base_Rate()
    {
        // 100 examples, 10% positive, all positives scored highest: lift 10.
        var examples = Enumerable.Range(0, 100).Select(i => new ScoredExample(i / 100f, i >= 90)).ToArray();
        Assert.Equal(10, BinaryMetrics.LiftAtTopDecile(examples), 6);
    }

    [Fact]
    public void Confusion_Matrix_Counts_And_F1()
    {
        var m = ConfusionMatrix.At(Perfect, 0.5);
        Assert.Equal(new ConfusionMatrix(2, 0, 2, 0), m);
        Assert.Equal(1, m.F1);
    }
}
