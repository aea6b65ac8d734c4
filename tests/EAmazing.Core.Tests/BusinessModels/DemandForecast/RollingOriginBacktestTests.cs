using EAmazing.BusinessModels.DemandForecast;
using EAmazing.BusinessModels.DemandForecast.Methods;

namespace EAmazing.Core.Tests.BusinessModels.DemandForecast;

public sealed class RollingOriginBacktestTests
{
    [Fact]
    public void Origins_are_weekly_latest_last_with_the_whole_horizon_in_the_data_and_enough_history_before()
    {
        Assert.Equal([19, 26, 33], RollingOriginBacktest.Origins(61, 28, 4));
        Assert.Equal([26, 33], RollingOriginBacktest.Origins(61, 28, 2));
        Assert.Empty(RollingOriginBacktest.Origins(40, 28, 4));
    }

    [Fact]
    public void A_forecast_never_depends_on_the_days_from_its_origin_on()
    {
        var series = Enumerable.Range(0, 6).Select(i => SimulatedSeries.Make(70, 30 + i, 0.1 * i, 2, (ulong)i + 1)).ToList();
        var origins = RollingOriginBacktest.Origins(70, 14, 4);
        var before = RollingOriginBacktest.Run(series, ForecastMethods.All, origins, 14);

        foreach (var (origin, o) in origins.Select((origin, o) => (origin, o)))
        {
            // Everything from this origin on is replaced by wild values; the origin's forecasts must not move.
            var perturbed = series.Select(s => s.Select((v, t) => t >= origin ? v * 50 + 1_000 : v).ToArray()).ToList();
            var after = RollingOriginBacktest.Run(perturbed, ForecastMethods.All, origins, 14);
            foreach (var method in ForecastMethods.Names)
            {
                for (var s = 0; s < series.Count; s++)
                {
                    Assert.Equal(before.Forecasts[method][s][o], after.Forecasts[method][s][o]);
                }
            }

            // ...while a later origin, which sees the changed days, does move: the check can fail.
            if (o + 1 < origins.Count)
            {
                Assert.NotEqual(before.Forecasts[NaiveMethod.MethodName][0][o + 1], after.Forecasts[NaiveMethod.MethodName][0][o + 1]);
            }
        }
    }

    [Fact]
    public void Mase_of_seasonal_naive_is_zero_on_a_pure_weekly_pattern_and_sMAPE_too()
    {
        var series = new List<double[]> { SimulatedSeries.Make(63, 20, 0, 0, 1), SimulatedSeries.Make(63, 40, 0, 0, 1, weekScale: 2) };
        var run = RollingOriginBacktest.Run(series, [new SeasonalNaiveMethod(), new NaiveMethod()], RollingOriginBacktest.Origins(63, 28, 3), 28);
        var scoring = new BacktestScoring(run, [0, 1], [1, 1], 46);

        // The weekly changes are zero too: scale zero, so nothing is scored rather than NaN.
        Assert.Null(scoring.Score(SeasonalNaiveMethod.MethodName, 7, (s, o) => run.Forecasts[SeasonalNaiveMethod.MethodName][s][o]));
    }

    [Fact]
    public void Mase_is_one_for_a_forecast_whose_errors_equal_the_in_sample_seasonal_naive_errors()
    {
        // Alternating weeks of 10 and 12: seasonal naive's in-sample error is 2 per day, and it is wrong by 2 every day after.
        var y = Enumerable.Range(0, 63).Select(t => (t / 7) % 2 == 0 ? 10.0 : 12.0).ToArray();
        var run = RollingOriginBacktest.Run([y], [new SeasonalNaiveMethod()], [35], 7);
        var score = new BacktestScoring(run, [0], [1], 46).Score(SeasonalNaiveMethod.MethodName, 7, (s, o) => run.Forecasts[SeasonalNaiveMethod.MethodName][s][o])!;

        Assert.Equal(1.0, score.Mase.Estimate, 9);
        Assert.Equal(1.0, score.WeightedRmsse, 9);
        Assert.Equal(2 * 2 / 22.0, score.Smape.Estimate, 9);
    }

    [Fact]
    public void The_winkler_score_is_the_width_inside_and_adds_two_over_alpha_times_the_miss_outside()
    {
        Assert.Equal(4, ForecastErrors.Winkler(1, 5, 3, 0.2));
        Assert.Equal(4 + (10 * 2), ForecastErrors.Winkler(1, 5, 7, 0.2), 9);
        Assert.Equal(4 + (40 * 1), ForecastErrors.Winkler(1, 5, 0, 0.05), 9);
    }
}
