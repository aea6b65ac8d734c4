using EAmazing.Foundation.Statistics;
using EAmazing.Models.Evaluation;
using FsCheck;
using FsCheck.Fluent;

namespace EAmazing.Core.Tests.Foundation.Statistics;

public class BinaryBootstrapTests
{
    /// <summary>The counting bootstrap must give each metric's generic bootstrap interval: same seed, same resamples, same figures.</summary>
    [Fact]
    public void Every_Interval_Equals_The_Generic_Bootstrap_Of_Its_Metric() =>
        Prop.ForAll(
            // Scores on a coarse grid, so ties (the hard case for the rank metrics) are frequent.
            Gen.Zip(Gen.Choose(0, 12), Gen.Elements(true, false)).Select(t => new ScoredExample(t.Item1 / 12f, t.Item2)).ArrayOf().Where(a => a.Length > 0).ToArbitrary(),
            Gen.Choose(1, 11).ToArbitrary(),
            (examples, tenths) =>
            {
                var threshold = tenths / 12.0;
                var fast = BinaryBootstrap.Intervals(examples, threshold, resamples: 40, seed: 7);
                var pairs = new (ConfidenceInterval Fast, Func<IReadOnlyList<ScoredExample>, double> Metric)[]
                {
                    (fast.RocAuc, BinaryMetrics.RocAuc),
                    (fast.PrAuc, BinaryMetrics.PrAuc),
                    (fast.LogLoss, BinaryMetrics.LogLoss),
                    (fast.F1, s => ConfusionMatrix.At(s, threshold).F1),
                    (fast.CalibrationError, s => BinaryMetrics.ExpectedCalibrationError(s)),
                };
                return pairs.All(p =>
                {
                    var slow = Bootstrap.Interval(examples, p.Metric, resamples: 40, seed: 7);
                    return Same(p.Fast.Estimate, slow.Estimate) && Same(p.Fast.Lower, slow.Lower) && Same(p.Fast.Upper, slow.Upper);
                });
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void A_Perfect_Ranking_Keeps_Auc_One_In_Every_Resample()
    {
        var examples = Enumerable.Range(0, 200).Select(i => new ScoredExample(i / 200f, i >= 150)).ToArray();

        var intervals = BinaryBootstrap.Intervals(examples, 0.5, resamples: 100, seed: 1);

        Assert.Equal((1.0, 1.0, 1.0), (intervals.RocAuc.Estimate, intervals.RocAuc.Lower, intervals.RocAuc.Upper));
        Assert.True(intervals.LogLoss.Lower < intervals.LogLoss.Estimate && intervals.LogLoss.Estimate < intervals.LogLoss.Upper);
    }

    // Summation order differs (sorted pass against draw order) for the averaged metrics: equal to the last few bits.
    private static bool Same(double a, double b) => (double.IsNaN(a) && double.IsNaN(b)) || Math.Abs(a - b) <= 1e-12 * Math.Max(1, Math.Abs(b));
}
