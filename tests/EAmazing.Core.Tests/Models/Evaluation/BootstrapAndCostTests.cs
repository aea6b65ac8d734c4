using EAmazing.Foundation.Statistics;
using EAmazing.Models.Evaluation;

namespace EAmazing.Core.Tests.Models.Evaluation;

public sealed class BootstrapAndCostTests
{
    private static ScoredExample[] Noisy(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ =>
        {
            var y = rng.NextDouble() < 0.3;
            return new ScoredExample((float)Math.Clamp((y ? 0.6 : 0.4) + (0.25 * (rng.NextDouble() - 0.5)), 0, 1), y);
        }).ToArray();
    }

    [Fact]
    public void The_Interval_Holds_The_Estimate_Is_Reproducible_And_Narrows_With_More_Data()
    {
        var small = Bootstrap.Interval(Noisy(200, 1), BinaryMetrics.RocAuc);
        var again = Bootstrap.Interval(Noisy(200, 1), BinaryMetrics.RocAuc);
        var large = Bootstrap.Interval(Noisy(5_000, 1), BinaryMetrics.RocAuc, resamples: 200);

        Assert.InRange(small.Estimate, small.Lower, small.Upper);
        Assert.Equal(small, again);
        Assert.True(large.Upper - large.Lower < (small.Upper - small.Lower) / 2);
    }

    [Fact]
    public void The_Business_Threshold_Acts_Only_Where_Expected_Value_Exceeds_The_Cost()
    {
        // Calibrated scores: acting is worth it when p * value > cost, i.e. p > 0.1 for value 10, cost 1.
        var rng = new Random(3);
        var examples = Enumerable.Range(0, 50_000).Select(_ =>
        {
            var p = (float)rng.NextDouble();
            return new ScoredExample(p, rng.NextDouble() < p);
        }).ToArray();

        var threshold = new BusinessCost(ConvertedValue: 10, InterventionCost: 1).BestThreshold(examples);

        Assert.InRange(threshold, 0.05, 0.15);
    }
    [Fact]
    public void Several_Metrics_In_One_Pass_Have_The_Intervals_Each_Has_Alone()
    {
        var items = Enumerable.Range(0, 400).Select(i => (double)((i * 37) % 101)).ToArray();
        Func<IReadOnlyList<double>, double>[] metrics = [s => s.Average(), s => s.Max() - s.Min(), s => s.Count(v => v > 50) / (double)s.Count];

        var together = Bootstrap.Intervals(items, metrics, 200, 7);

        Assert.Equal(metrics.Select(m => Bootstrap.Interval(items, m, 200, 7)), together);
        Assert.True(together[0].Lower < together[0].Upper);
    }
}
