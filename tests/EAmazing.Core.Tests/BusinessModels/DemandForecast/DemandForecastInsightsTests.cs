using EAmazing.BusinessModels.DemandForecast;
using EAmazing.Core.Tests.Models.Registry;
using EAmazing.Core.Tests.Support;
using EAmazing.Foundation.Statistics;
using EAmazing.Models.Registry;

namespace EAmazing.Core.Tests.BusinessModels.DemandForecast;

/// <summary>The demand page's sections: the latest forecast per top-level category after its history with both bands, and the champion's error by horizon.</summary>
public sealed class DemandForecastInsightsTests : IDisposable
{
    private readonly InsightWorld _world = new();

    [Fact]
    public void The_latest_forecast_is_drawn_after_the_history_with_its_bands_and_the_champions_error_by_horizon_is_listed()
    {
        // Given 10 days of history of 'electronics' (purchases = day number) and 'kids' (1 a day), an older forecast and the
        // latest one (from 2019-12-01, 3 days: electronics 20 ± 5/10, kids 2 ± 1/2), and a champion with MASE at 7 and 14 days
        _world.WriteGold("demand_daily", "2019-11", """
            SELECT 'top_category' AS level, c AS category_key, c AS top_category, DATE '2019-11-21' + CAST(d AS INTEGER) AS day,
                   CASE WHEN c = 'electronics' THEN d + 1 ELSE 1 END AS purchases, 1.0 AS revenue, 10 AS views
            FROM range(10) t(d), (VALUES ('electronics'), ('kids')) v(c)
            """);
        _world.WriteGold(DemandForecastTable.Table.Name, "2019-12", """
            SELECT 'top_category' AS level, c AS category_key, c AS top_category, 'purchases' AS target, DATE '2019-12-01' + CAST(d AS INTEGER) AS day,
                   TIMESTAMP '2019-12-01 00:00:00' AS as_of_time, CAST(d + 1 AS INTEGER) AS step, 2 AS model_version, 'ses' AS method,
                   f AS forecast, f - w AS lower_80, f + w AS upper_80, f - 2 * w AS lower_95, f + 2 * w AS upper_95
            FROM range(3) t(d), (VALUES ('electronics', 20.0, 5.0), ('kids', 2.0, 1.0)) v(c, f, w)
            UNION ALL SELECT 'top_category', 'kids', 'kids', 'purchases', DATE '2019-11-25', TIMESTAMP '2019-11-25 00:00:00', 1, 1, 'naive', 99, 0, 0, 0, 0
            """);
        var registry = _world.Registry;
        registry.Register(DemandForecastModel.RegistryName, folder =>
        {
            File.WriteAllText(Path.Combine(folder, "forecast-model.json"), "{}");
            return "forecast-model.json";
        }, (version, file) => PromotionDecisionTests.Card(0, 0) with
        {
            Name = DemandForecastModel.RegistryName, Version = version, Family = "ses", ModelFile = file, PrimaryMetric = "mase_h7",
            Estimates = [new NamedEstimate("mase_h7", new ConfidenceInterval(0.9, 0.8, 1.0), false), new NamedEstimate("mase_h14", new ConfidenceInterval(1.1, 0.9, 1.3), false)],
            Families = new Dictionary<string, double> { ["ses"] = 0.9, ["naive"] = 1.4 }, Oracle = new ConfidenceInterval(0.7, 0.6, 0.8),
        });
        registry.Promote(DemandForecastModel.RegistryName, 1, force: true);

        // When the sections are read
        var sections = new DemandForecastInsights().Read(_world.Context(10));

        // Then the table lists electronics first with its total over the 3 days (one total: no separate first week in a
        // forecast of a week or less), the older forecast left out
        var table = sections[0];
        Assert.Equal(["top-level category", "next 3 days", "first day [80%]", "method"], table.Columns);
        Assert.Equal(["electronics", "60", "20.0 [15.0, 25.0]", "ses v2"], table.Rows[0]);
        Assert.Equal(["kids", "6", "2.0 [1.0, 3.0]", "ses v2"], table.Rows[1]);
        // And the electronics chart: 42 days of history (the 10 in the lake, 0 before), then the 3 forecast days with both bands
        var chart = sections.Single(s => s.Title == "Demand: electronics").Chart!;
        Assert.Equal(DemandForecastReport.HistoryDaysShown + 3, chart.X.Count);
        Assert.Equal([8.0, 9.0, 10.0, null], chart.Series[0].Values.Skip(DemandForecastReport.HistoryDaysShown - 3).Take(4));
        Assert.Equal([null, 20.0, 20.0, 20.0], chart.Series[1].Values.Skip(DemandForecastReport.HistoryDaysShown - 1));
        Assert.Equal(10.0, chart.Bands[0].Lower[^1]);
        Assert.Equal(30.0, chart.Bands[0].Upper[^1]);
        Assert.Equal(15.0, chart.Bands[1].Lower[^1]);
        // And the error by horizon: the champion at 7 and 14 days, the other method and the oracle at 7
        var backtest = sections[^1];
        Assert.Equal("Backtest error by horizon", backtest.Title);
        Assert.Equal(["7", "14"], backtest.Chart!.X);
        Assert.Equal([0.8, 0.9], backtest.Chart.Bands[0].Lower);
        Assert.Contains(backtest.Rows, r => r[1] == "naive" && r[2] == "1.4000");
        Assert.Contains(backtest.Rows, r => r[1].StartsWith("oracle", StringComparison.Ordinal) && r[2] == "0.7000 [0.6000, 0.8000]");
    }

    [Fact]
    public void Without_a_forecast_the_section_says_what_to_run()
    {
        var section = Assert.Single(new DemandForecastInsights().Read(_world.Context(10)));
        Assert.Contains("./eamazing forecast", section.Note, StringComparison.Ordinal);
    }

    public void Dispose() => _world.Dispose();
}
