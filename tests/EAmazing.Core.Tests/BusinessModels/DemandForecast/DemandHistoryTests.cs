using EAmazing.BusinessModels.DemandForecast;
using EAmazing.BusinessModels.DemandForecast.Methods;

namespace EAmazing.Core.Tests.BusinessModels.DemandForecast;

/// <summary>From demand_daily rows to aligned series, and the forecaster's answers to bad input.</summary>
public sealed class DemandHistoryTests
{
    private static readonly DateOnly Start = new(2019, 10, 1);

    private static IEnumerable<DemandDay> Rows(string key, int days, Func<int, double> purchases, int? skip = null) =>
        Enumerable.Range(0, days).Where(d => d != skip).Select(d => new DemandDay(DemandSeries.CategoryLevel, key, "electronics", Start.AddDays(d), purchases(d), purchases(d) * 10, purchases(d) * 30));

    [Fact]
    public void A_category_without_a_row_on_a_day_has_zero_demand_that_day()
    {
        var history = DemandHistory.From([.. Rows("1", 28, _ => 5), .. Rows("2", 28, _ => 3, skip: 10)]);

        Assert.Equal(28, history.Days);
        Assert.Empty(history.FilledDays);
        var second = history.Series.Single(s => s.Key == "2");
        Assert.Equal(0, second.Purchases[10]);
        Assert.Equal(3, second.Purchases[11]);
    }

    [Fact]
    public void A_day_without_any_row_is_a_gap_filled_from_a_week_before_and_named()
    {
        var history = DemandHistory.From([.. Rows("1", 28, d => d % 7, skip: 15), .. Rows("2", 28, _ => 3, skip: 15)]);

        Assert.Equal([Start.AddDays(15)], history.FilledDays);
        Assert.Equal(1, history.Series.Single(s => s.Key == "1").Purchases[15]);
        Assert.Equal(30, history.Series.Single(s => s.Key == "2").Revenue[15]);
    }

    [Fact]
    public void Too_many_missing_days_or_no_rows_are_refused_with_a_message_naming_the_table()
    {
        var sparse = Enumerable.Range(0, 10).Select(d => new DemandDay(DemandSeries.CategoryLevel, "1", "x", Start.AddDays(d * 3), 1, 1, 1));

        var e = Assert.Throws<InvalidOperationException>(() => DemandHistory.From(sparse));
        Assert.Contains("gold_demand_daily has no row on 18 of the 28 days", e.Message);
        Assert.Contains("features build", Assert.Throws<InvalidOperationException>(() => DemandHistory.From([])).Message);
    }

    [Fact]
    public void The_forecaster_refuses_a_horizon_beyond_the_calibration_or_the_history_naming_the_limit()
    {
        var history = DemandHistory.From(Rows("1", 20, d => 5 + (d % 7)));
        var fit = Fit(14);

        Assert.Contains("--horizon 14 or less", Assert.Throws<ArgumentException>(() => DemandForecaster.Forecast(history, fit, 15)).Message);
        var shortHistory = DemandHistory.From(Rows("1", 10, d => 5 + (d % 7)));
        Assert.Contains("--horizon 10 or less", Assert.Throws<ArgumentException>(() => DemandForecaster.Forecast(shortHistory, fit, 12)).Message);
    }

    [Fact]
    public void A_category_with_no_sales_is_forecast_as_zero_with_a_note_and_nothing_is_ever_nan()
    {
        var history = DemandHistory.From([.. Rows("1", 35, d => 5 + (d % 7) + (d % 3)), .. Rows("2", 35, _ => 0), .. Rows("3", 35, _ => 4)]);

        var points = DemandForecaster.Forecast(history, Fit(28), 28);

        Assert.Equal(3 * 3 * 28, points.Count);
        Assert.All(points, p => Assert.True(new[] { p.Point, p.Lower80, p.Upper80, p.Lower95, p.Upper95 }.All(v => double.IsFinite(v) && v >= 0)));
        Assert.All(points, p => Assert.True(p.Lower95 <= p.Lower80 && p.Lower80 <= p.Point && p.Point <= p.Upper80 && p.Upper80 <= p.Upper95));
        var none = points.Where(p => p.Series.Key == "2").ToList();
        Assert.All(none, p => Assert.Equal((0.0, 0.0, DemandForecaster.NoDemandNote), (p.Point, p.Upper95, p.Note)));
        var flat = points.Where(p => p.Series.Key == "3" && p.Target == DemandTarget.Purchases).ToList();
        Assert.All(flat, p => Assert.Equal(DemandForecaster.FlatNote, p.Note));
        Assert.All(flat, p => Assert.True(p.Upper80 > 4, "a flat history still gets a band"));
        Assert.Equal(history.Last.AddDays(1), points[0].Day);
    }

    [Fact]
    public void The_calendar_knows_weekdays_the_november_sale_and_month_ends()
    {
        Assert.Equal(2, ForecastCalendar.Weekday(new DateOnly(2019, 10, 1)));
        Assert.Equal(7, ForecastCalendar.Weekday(new DateOnly(2019, 10, 6)));
        Assert.True(ForecastCalendar.IsSaleDay(new DateOnly(2019, 11, 17)));
        Assert.False(ForecastCalendar.IsSaleDay(new DateOnly(2019, 11, 18)));
        Assert.True(ForecastCalendar.IsMonthEnd(new DateOnly(2019, 11, 29)));
        Assert.False(ForecastCalendar.IsMonthEnd(new DateOnly(2019, 11, 28)));
    }

    private static DemandForecastFit Fit(int horizon)
    {
        var bands = ConformalBands.Calibrate(Enumerable.Range(0, horizon).Select(_ => (IReadOnlyList<double>)[0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]).ToList(), ConformalBands.StandardLevels);
        return new DemandForecastFit(HoltWintersMethod.MethodName, horizon, new DateOnly(2019, 11, 30), DemandTargets.All.ToDictionary(t => t.Name(), _ => bands));
    }
}
