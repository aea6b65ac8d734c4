using EAmazing.BusinessModels.DemandForecast.Methods;

namespace EAmazing.Core.Tests.BusinessModels.DemandForecast;

/// <summary>Each method on a fixture whose right answer is known.</summary>
public sealed class ForecastMethodTests
{
    [Fact]
    public void Seasonal_naive_forecasts_a_pure_weekly_pattern_exactly()
    {
        var history = SimulatedSeries.Make(30, 20, 0, 0, 1);

        var forecast = new SeasonalNaiveMethod().Forecast(history, 28);

        var expected = Enumerable.Range(30, 28).Select(t => 20 + SimulatedSeries.Week[t % 7]).ToArray();
        Assert.Equal(expected, forecast, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Seasonal_mean_averages_the_same_weekday_over_the_last_weeks()
    {
        // Weeks of 1, 2, 3, 4, 5 per day: the last four weeks average 3.5 on every weekday.
        var history = Enumerable.Range(0, 35).Select(t => (double)(t / 7) + 1).ToArray();

        Assert.All(new SeasonalMeanMethod().Forecast(history, 14), f => Assert.Equal(3.5, f, 12));
        Assert.Equal(new SeasonalNaiveMethod().Forecast(SimulatedSeries.Make(30, 20, 0, 0, 1), 7), new SeasonalMeanMethod().Forecast(SimulatedSeries.Make(30, 20, 0, 0, 1), 7), (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Holt_winters_recovers_a_known_level_trend_and_season_exactly_without_noise()
    {
        var y = SimulatedSeries.Make(56, 10, 0.5, 0, 1);

        var state = HoltWintersMethod.Fit(y);

        Assert.Equal(10 + (0.5 * 55), state.Level, 9);
        Assert.Equal(0.5, state.Trend, 9);
        for (var d = 0; d < 7; d++)
        {
            Assert.Equal(SimulatedSeries.Week[d], state.Season[d], 9);
        }

        Assert.Equal(10 + (0.5 * 60) + SimulatedSeries.Week[60 % 7], state.Forecast(5), 9);
    }

    [Fact]
    public void Holt_winters_recovers_level_trend_and_season_within_the_noise()
    {
        var y = SimulatedSeries.Make(84, 50, 0.3, 1.0, 7, weekScale: 3);

        var state = HoltWintersMethod.Fit(y);

        Assert.InRange(state.Level, 50 + (0.3 * 83) - 2, 50 + (0.3 * 83) + 2);
        Assert.InRange(state.Trend, 0.15, 0.45);
        for (var d = 0; d < 7; d++)
        {
            Assert.InRange(state.Season[d], (3 * SimulatedSeries.Week[d]) - 2, (3 * SimulatedSeries.Week[d]) + 2);
        }
    }

    [Fact]
    public void Holt_winters_beats_seasonal_naive_on_noisy_weekly_data()
    {
        var y = SimulatedSeries.Make(84 + 28, 50, 0, 3.0, 11, weekScale: 3);
        var truth = Enumerable.Range(84, 28).Select(t => 50 + (3 * SimulatedSeries.Week[t % 7])).ToArray();

        double Error(IForecastMethod m) => m.Forecast(y.AsSpan(0, 84), 28).Zip(truth, (f, t) => Math.Abs(f - t)).Average();

        Assert.True(Error(new HoltWintersMethod()) < Error(new SeasonalNaiveMethod()));
    }

    [Fact]
    public void Simple_exponential_smoothing_and_holt_damped_follow_a_constant_series()
    {
        var y = Enumerable.Repeat(7.0, 40).ToArray();

        Assert.All(new SimpleExponentialSmoothing().Forecast(y, 14), f => Assert.Equal(7, f, 9));
        Assert.All(new HoltDampedMethod().Forecast(y, 14), f => Assert.Equal(7, f, 9));
        Assert.All(new MovingAverageMethod().Forecast(y, 14), f => Assert.Equal(7, f, 9));
        Assert.All(new NaiveMethod().Forecast(y, 14), f => Assert.Equal(7, f, 9));
    }

    [Fact]
    public void Holt_damped_continues_a_trend_but_flattens_it()
    {
        var y = Enumerable.Range(0, 40).Select(t => 100 + (2.0 * t)).ToArray();

        var f = new HoltDampedMethod().Forecast(y, 28);

        Assert.True(f[0] > y[^1]);
        Assert.True(f[27] - f[26] < f[1] - f[0], "the trend is damped");
        Assert.True(f[27] < y[^1] + (2 * 28), "below the undamped line");
    }

    [Fact]
    public void Tsb_forecasts_the_rate_of_an_intermittent_series_and_zero_without_sales()
    {
        // A sale of 4 every fourth day: 1 per day on average.
        var y = Enumerable.Range(0, 80).Select(t => t % 4 == 0 ? 4.0 : 0).ToArray();

        var f = new TsbMethod().Forecast(y, 7);

        Assert.All(f, v => Assert.InRange(v, 0.7, 1.3));
        Assert.All(new TsbMethod().Forecast(new double[30], 7), v => Assert.Equal(0, v));
    }

    [Fact]
    public void Every_method_returns_finite_non_negative_values_on_empty_short_zero_and_spiky_histories()
    {
        double[][] histories = [[], [5], [0, 0, 0], new double[20], [0, 0, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 250, 0], SimulatedSeries.Make(30, 1, -0.5, 2, 3)];
        foreach (var method in ForecastMethods.All)
        {
            foreach (var h in histories)
            {
                var f = method.Forecast(h, 28);
                Assert.Equal(28, f.Length);
                Assert.All(f, v => Assert.True(double.IsFinite(v) && v >= 0, $"{method.Name} gave {v} on a history of {h.Length} days"));
            }
        }
    }

    [Fact]
    public void The_ensemble_is_the_mean_of_its_members()
    {
        var y = SimulatedSeries.Make(35, 20, 0.2, 1, 5);
        var members = new IForecastMethod[] { new NaiveMethod(), new SeasonalNaiveMethod() };

        var f = new EnsembleMethod("pair", members).Forecast(y, 7);

        var naive = members[0].Forecast(y, 7);
        var seasonal = members[1].Forecast(y, 7);
        Assert.Equal(naive.Zip(seasonal, (a, b) => (a + b) / 2), f, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void An_unknown_method_name_is_refused_with_the_names_that_exist()
    {
        var e = Assert.Throws<ArgumentException>(() => ForecastMethods.Find("prophet"));

        Assert.Contains("holt_winters", e.Message);
    }
}
