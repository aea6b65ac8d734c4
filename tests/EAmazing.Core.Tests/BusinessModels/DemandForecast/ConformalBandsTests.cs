using EAmazing.BusinessModels.DemandForecast;
using EAmazing.BusinessModels.DemandForecast.Methods;
using EAmazing.Foundation.Randomness;

namespace EAmazing.Core.Tests.BusinessModels.DemandForecast;

public sealed class ConformalBandsTests
{
    [Fact]
    public void The_quantile_is_the_finite_sample_rank_of_the_scores()
    {
        var scores = Enumerable.Range(1, 19).Select(i => (double)i).ToList();

        var bands = ConformalBands.Calibrate([scores], [0.80, 0.95]);

        // ⌈20 × 0.8⌉ = 16th and ⌈20 × 0.95⌉ = 19th smallest.
        Assert.Equal(16, bands.Quantile(0.80, 0));
        Assert.Equal(19, bands.Quantile(0.95, 0));
        Assert.False(bands.Short);
        Assert.True(ConformalBands.Calibrate([[1.0, 2.0, 3.0]], [0.95]).Short);
        Assert.Equal((0.0, 13.0), bands.Band(-3, 1, 0.80, 0));
    }

    [Fact]
    public void Steps_are_pooled_by_week_and_the_band_never_narrows_with_the_horizon()
    {
        // Week 1: errors 1..7 on its days; week 2: all zero except a spike on one step.
        var scores = Enumerable.Range(0, 14).Select(h => (IReadOnlyList<double>)(h < 7 ? [h + 1.0] : h == 9 ? [100.0] : [0.0])).ToList();

        var bands = ConformalBands.Calibrate(scores, [0.5]);

        // Week 1 pools 1..7: rank ⌈8 × 0.5⌉ = 4 → 4 on every day of it; week 2 pools six zeros and 100: 0, raised to week 1's 4.
        Assert.All(Enumerable.Range(0, 7), h => Assert.Equal(4, bands.Quantile(0.5, h)));
        Assert.All(Enumerable.Range(7, 7), h => Assert.Equal(4, bands.Quantile(0.5, h)));
    }

    [Fact]
    public void Coverage_on_exchangeable_simulated_errors_is_within_sampling_error_of_nominal()
    {
        var rng = Xoshiro256.For(46, 0xC0F);
        var calibration = Enumerable.Range(0, 2_000).Select(_ => Math.Abs(rng.NextGaussian() * 3)).ToList();
        var bands = ConformalBands.Calibrate([calibration], ConformalBands.StandardLevels);
        const int n = 20_000;
        foreach (var level in ConformalBands.StandardLevels)
        {
            var covered = 0;
            var test = Xoshiro256.For(47, 0xC0F);
            for (var i = 0; i < n; i++)
            {
                var (lower, upper) = bands.Band(100, 1, level, 0);
                var actual = 100 + (test.NextGaussian() * 3);
                covered += actual >= lower && actual <= upper ? 1 : 0;
            }

            // Sampling error of the calibration quantile and of the test share: 4 standard errors of a share over 2,000.
            var se = Math.Sqrt(level * (1 - level) / calibration.Count);
            Assert.InRange(covered / (double)n, level - (4 * se), level + (4 * se));
        }
    }

    [Fact]
    public void Backtest_intervals_on_simulated_series_cover_within_sampling_error_of_nominal()
    {
        // 300 noisy weekly series of different sizes: bands calibrated on three origins, checked on the fourth.
        var series = Enumerable.Range(0, 300).Select(i => SimulatedSeries.Make(77, 20 + (i % 50), 0, 1 + (i % 5), (ulong)i + 100, weekScale: 1 + (i % 3))).ToList();
        var origins = RollingOriginBacktest.Origins(77, 14, 4);
        var run = RollingOriginBacktest.Run(series, [new SeasonalNaiveMethod()], origins, 14);

        var coverage = IntervalCheck.OnLastOrigin(run, SeasonalNaiveMethod.MethodName, Enumerable.Range(0, 300).ToList(), 46);

        foreach (var c in coverage)
        {
            // 300 series × 14 days, errors correlated within a series: allow 4 standard errors of a share over 300.
            var se = Math.Sqrt(c.Level * (1 - c.Level) / 300);
            Assert.InRange(c.Covered.Estimate, c.Level - (4 * se), c.Level + (4 * se));
            Assert.True(c.ScaledWinkler > 0);
        }
    }

    [Fact]
    public void Special_days_are_left_out_of_calibration_so_a_sale_spike_does_not_widen_ordinary_bands()
    {
        // A sale on days 60 and 61 multiplies demand by ten: inside the calibration windows of origins 49 and 56, after their histories.
        var clean = Enumerable.Range(0, 200).Select(i => SimulatedSeries.Make(77, 30, 0, 2, (ulong)i + 500, weekScale: 2)).ToList();
        var sale = clean.Select(s => s.Select((v, t) => t is 60 or 61 ? v * 10 : v).ToArray()).ToList();
        var origins = RollingOriginBacktest.Origins(77, 14, 4);
        var all = Enumerable.Range(0, 200).ToList();
        static bool Sale(int day) => day is 60 or 61;
        ConformalBands Calibrate(List<double[]> series, Func<int, bool>? special)
        {
            var run = RollingOriginBacktest.Run(series, [new SeasonalMeanMethod()], origins, 14);
            return ConformalBands.Calibrate(IntervalCheck.Scores(run, "seasonal_mean_4w", all, [0, 1, 2], special), [0.95]);
        }

        var plain = Calibrate(sale, null);
        var ordinary = Calibrate(sale, Sale);
        var withoutSale = Calibrate(clean, Sale);

        Assert.Equal([49, 56], origins.Skip(1).Take(2));
        Assert.True(ordinary.Quantile(0.95, 7) < plain.Quantile(0.95, 7), $"{ordinary.Quantile(0.95, 7)} vs {plain.Quantile(0.95, 7)}");
        Assert.Equal(withoutSale.Quantiles[0], ordinary.Quantiles[0]);
    }
}
