using EAmazing.BusinessModels.DemandForecast;
using EAmazing.BusinessModels.DemandForecast.Boosting;
using EAmazing.BusinessModels.DemandForecast.Methods;
using EAmazing.Foundation.Randomness;

namespace EAmazing.Core.Tests.BusinessModels.DemandForecast;

public sealed class GradientBoostedMethodTests
{
    private static readonly DateOnly First = new(2019, 9, 1);

    [Fact]
    public void Training_rows_use_only_days_before_the_origin_and_do_not_change_when_later_days_do()
    {
        var panel = Panel(12, 80, monthEndLift: 1, seed: 3);
        const int origin = 60;
        var gbm = new GradientBoostedMethod(46);
        var rows = gbm.TrainingRows(panel.Before(origin), DemandTarget.Purchases, 14);

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.InRange(r.LabelDay, 0, origin - 1));
        var perturbed = new DemandPanel(panel.First, panel.Days, panel.Series.Select(s => s with
        {
            Purchases = s.Purchases.Select((v, t) => t >= origin ? (v * 40) + 500 : v).ToArray(),
            Revenue = s.Revenue.Select((v, t) => t >= origin ? (v * 3) + 7 : v).ToArray(),
            Views = s.Views.Select((v, t) => t >= origin ? 0 : v).ToArray(),
        }).ToList());
        var again = gbm.TrainingRows(perturbed.Before(origin), DemandTarget.Purchases, 14);
        Assert.Equal(rows.Count, again.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].Features, again[i].Features);
            Assert.Equal(rows[i].Label, again[i].Label);
        }
    }

    [Fact]
    public void The_backtest_forecast_from_an_origin_does_not_move_when_the_days_from_it_on_change()
    {
        var panel = Panel(10, 84, monthEndLift: 1, seed: 5);
        var origins = RollingOriginBacktest.Origins(panel.Days, 14, 2);
        var series = panel.Series.Select(s => s.Purchases).ToList();
        BacktestRun Run(DemandPanel p) => RollingOriginBacktest.AddPanel(
            RollingOriginBacktest.Run(p.Series.Select(s => s.Purchases).ToList(), [], origins, 14), p, DemandTarget.Purchases, PanelMethods.All(46));
        var before = Run(panel);
        var first = origins[0];
        var perturbed = new DemandPanel(panel.First, panel.Days, panel.Series.Select(s => s with
        {
            Purchases = s.Purchases.Select((v, t) => t >= first ? (v * 10) + 100 : v).ToArray(),
        }).ToList());
        var after = Run(perturbed);

        foreach (var method in PanelMethods.Names)
        {
            for (var s = 0; s < series.Count; s++)
            {
                Assert.Equal(before.Forecasts[method][s][0], after.Forecasts[method][s][0]);
            }
        }

        // The later origin sees the changed days and moves: the check can fail.
        Assert.NotEqual(before.Forecasts[GradientBoostedMethod.MethodName][0][1], after.Forecasts[GradientBoostedMethod.MethodName][0][1]);
    }

    [Fact]
    public void Calendar_and_lag_features_describe_the_forecast_day_and_the_latest_known_same_weekday()
    {
        var known = Enumerable.Range(0, 30).Select(t => (double)(t + 1)).ToArray();
        var views = known.Select(v => v * 10).ToArray();
        var price = known.Select(_ => 5.0).ToArray();
        var firstKnown = new DateOnly(2019, 10, 18); // 30 known days: 18 Oct .. 16 Nov
        var index = BoostingFeatures.Names.ToList();
        var scale = BoostingFeatures.Scale(known);

        // The last known day is 16 Nov; step 1 is 17 Nov (a sale day, a Sunday), step 14 is 30 Nov (a month end).
        var saleDay = BoostingFeatures.Row(known, views, price, firstKnown, 1, false);
        Assert.Equal(1, saleDay[index.IndexOf("is_sale_day")]);
        Assert.Equal(7, saleDay[index.IndexOf("weekday")]);
        var monthEnd = BoostingFeatures.Row(known, views, price, firstKnown, 14, false);
        Assert.Equal(0, monthEnd[index.IndexOf("is_sale_day")]);
        Assert.Equal(1, monthEnd[index.IndexOf("is_month_end")]);
        Assert.Equal(30, monthEnd[index.IndexOf("day_of_month")]);

        // Step 3 is five days after the last known day's week-ago twin: the latest same weekday is known[30 - 1 + 3 - 7].
        var step3 = BoostingFeatures.Row(known, views, price, firstKnown, 3, false);
        Assert.Equal(known[25] / scale, step3[index.IndexOf("same_weekday_last")], 5);
        // Step 10 reaches two weeks back for its latest known twin.
        var step10 = BoostingFeatures.Row(known, views, price, firstKnown, 10, false);
        Assert.Equal(known[30 - 1 + 10 - 14] / scale, step10[index.IndexOf("same_weekday_last")], 5);
        Assert.Equal(known[29] / scale, step10[index.IndexOf("last")], 5);
        Assert.Equal(1, step10[index.IndexOf("price_vs_28")], 5);
    }

    [Fact]
    public void The_global_model_learns_the_month_end_lift_that_seasonal_naive_misses()
    {
        // 30 series with a weekly pattern and three times the demand on the last two days of each month.
        var panel = Panel(30, 71, monthEndLift: 3, seed: 11); // 1 Sep .. 10 Nov: two month ends seen
        var forecast = new GradientBoostedMethod(46).Forecast(panel, DemandTarget.Purchases, 28);
        var days = Enumerable.Range(1, 28).Select(h => panel.First.AddDays(panel.Days - 1 + h)).ToList();
        var monthEnd = days.Select((d, h) => (d, h)).Where(x => ForecastCalendar.IsMonthEnd(x.d)).Select(x => x.h).ToList();
        var ordinary = days.Select((d, h) => (d, h)).Where(x => !ForecastCalendar.IsMonthEnd(x.d) && !ForecastCalendar.IsSaleDay(x.d) && x.h >= 7).Select(x => x.h).ToList();

        Assert.Equal(2, monthEnd.Count);
        var lift = forecast.Average(f => monthEnd.Average(h => f[h])) / forecast.Average(f => ordinary.Average(h => f[h]));
        Assert.InRange(lift, 1.8, 4.0);
        var naive = panel.Series.Select(s => new SeasonalNaiveMethod().Forecast(s.Purchases, 28)).ToList();
        Assert.InRange(naive.Average(f => monthEnd.Average(h => f[h])) / naive.Average(f => ordinary.Average(h => f[h])), 0.7, 1.3);
    }

    [Fact]
    public void Same_seed_same_forecast_and_every_value_finite_and_non_negative_also_for_empty_and_short_series()
    {
        var panel = Panel(8, 60, monthEndLift: 1, seed: 2);
        var withOdd = new DemandPanel(panel.First, panel.Days,
        [
            .. panel.Series,
            new DemandSeries(DemandSeries.CategoryLevel, "never", "top", new double[60], new double[60], new double[60]),
            new DemandSeries(DemandSeries.TopCategoryLevel, "spike", "spike", Enumerable.Range(0, 60).Select(t => t == 59 ? 1e6 : 0).ToArray(), new double[60], new double[60]),
        ]);
        var one = new GradientBoostedMethod(46).Forecast(withOdd, DemandTarget.Purchases, 28);
        var two = new GradientBoostedMethod(46).Forecast(withOdd, DemandTarget.Purchases, 28);

        Assert.Equal(one, two);
        Assert.All(one.SelectMany(f => f), v => Assert.True(double.IsFinite(v) && v >= 0));
        Assert.All(one[^2], v => Assert.Equal(0, v));
        var shortPanel = withOdd.Before(10);
        Assert.All(new GradientBoostedMethod(46).Forecast(shortPanel, DemandTarget.Views, 7).SelectMany(f => f), v => Assert.True(double.IsFinite(v) && v >= 0));
    }

    [Fact]
    public void Average_price_carries_the_last_known_price_and_is_zero_before_the_first_sale()
    {
        var series = new DemandSeries(DemandSeries.CategoryLevel, "c", "t", [0, 2, 0, 1], [0, 10, 0, 7], [1, 1, 1, 1]);
        Assert.Equal([0, 5, 5, 7], series.AveragePrice());
    }

    /// <summary>Poisson demand with a weekly pattern and a month-end lift, per series a level and price, from 1 Sep 2019.</summary>
    private static DemandPanel Panel(int count, int days, double monthEndLift, ulong seed)
    {
        var series = Enumerable.Range(0, count).Select(i =>
        {
            var rng = Xoshiro256.For(seed, (ulong)i);
            var level = 2 + (3 * i);
            var purchases = Enumerable.Range(0, days).Select(t =>
            {
                var day = First.AddDays(t);
                var mean = level * (1 + (0.3 * Math.Sin(2 * Math.PI * t / 7))) * (ForecastCalendar.IsMonthEnd(day) ? monthEndLift : 1);
                return (double)Poisson(ref rng, mean);
            }).ToArray();
            return new DemandSeries(DemandSeries.CategoryLevel, $"c{i}", "top", purchases, purchases.Select(p => p * (10 + i)).ToArray(), purchases.Select(p => (p * 20) + 5).ToArray());
        }).ToList();
        return new DemandPanel(First, days, series);
    }

    private static int Poisson(ref Xoshiro256 rng, double mean)
    {
        // Knuth's method: fine for the small means of a fixture.
        var limit = Math.Exp(-mean);
        var (k, p) = (0, rng.NextDouble());
        while (p > limit)
        {
            k++;
            p *= rng.NextDouble();
        }

        return k;
    }
}
