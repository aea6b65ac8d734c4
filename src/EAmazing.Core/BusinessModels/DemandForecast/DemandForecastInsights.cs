using System.Globalization;
using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Models.Business;

namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>
/// The demand page: the latest forecast in <c>gold.demand_forecast</c> (what <c>eamazing forecast</c> wrote) per top-level
/// category, each drawn after its recent history from <c>gold.demand_daily</c> with the 80% and 95% bands; and the
/// champion's backtest error by horizon (MASE with its interval, beside every method at 7 days and the world's oracle) from
/// its card. Counts of purchases per category and day are aggregates over everyone, not groups of people.
/// </summary>
public sealed class DemandForecastInsights : IModelInsights
{
    /// <summary>Top-level categories drawn one chart each (the largest by forecast purchases); the table lists every one.</summary>
    public const int CategoriesDrawn = 4;

    public IReadOnlyList<InsightSection> Read(InsightContext context)
    {
        var sections = new List<InsightSection>();
        var forecasts = GoldLayout.Files(context.Lake, DemandForecastTable.Table.Name);
        if (forecasts.Count == 0)
        {
            sections.Add(new InsightSection("Forecast", "No forecast is written yet: run ./eamazing forecast (after train forecast and models promote demand-forecast VERSION).", [], []));
        }
        else
        {
            sections.AddRange(Forecasts(context, forecasts));
        }

        if (Backtest(context) is { } backtest)
        {
            sections.Add(backtest);
        }

        return sections;
    }

    private static List<InsightSection> Forecasts(InsightContext context, IReadOnlyList<string> files)
    {
        var points = new List<Shown>();
        context.Scratch.ForEachRow($"""
            WITH f AS (SELECT * FROM {LakeSql.ReadParquet(files)}
                       WHERE level = '{DemandSeries.TopCategoryLevel}' AND target = '{DemandTarget.Purchases.Name()}')
            SELECT category_key, strftime(day, '%Y-%m-%d'), CAST(forecast AS DOUBLE), CAST(lower_80 AS DOUBLE), CAST(upper_80 AS DOUBLE), CAST(lower_95 AS DOUBLE), CAST(upper_95 AS DOUBLE), method, CAST(model_version AS INTEGER)
            FROM f WHERE as_of_time = (SELECT max(as_of_time) FROM f) ORDER BY category_key, day
            """, r => points.Add(new Shown(r.GetString(0), DateOnly.ParseExact(r.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4),
                r.GetDouble(5), r.GetDouble(6), r.GetString(7), r.GetInt32(8))));
        if (points.Count == 0)
        {
            return [new InsightSection("Forecast", "The forecast holds no purchases per top-level category: run ./eamazing forecast again.", [], [])];
        }

        var first = points.Min(p => p.Day);
        var byCategory = points.GroupBy(p => p.Category).OrderByDescending(g => g.Sum(p => p.Forecast)).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var days = points.Max(p => p.Day).DayNumber - first.DayNumber + 1;

        // The first week's total beside the whole horizon's; a forecast of a week or less has the one column.
        var table = byCategory.Select(g => (string[])
        [
            g.Key,
            .. days > 7 ? [g.Where(p => p.Day < first.AddDays(7)).Sum(p => p.Forecast).ToString("0", CultureInfo.InvariantCulture)] : Array.Empty<string>(),
            g.Sum(p => p.Forecast).ToString("0", CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{g.First().Forecast:0.0} [{g.First().Lower80:0.0}, {g.First().Upper80:0.0}]"),
            string.Create(CultureInfo.InvariantCulture, $"{g.First().Method} v{g.First().Version}"),
        ]).ToList();
        var sections = new List<InsightSection>
        {
            new("Forecast per top-level category", string.Create(CultureInfo.InvariantCulture,
                $"Purchases forecast from {first:yyyy-MM-dd} for {days} days (the latest run of ./eamazing forecast), largest first; the first day with its 80% interval."),
                ["top-level category", .. days > 7 ? ["next 7 days"] : Array.Empty<string>(), $"next {days} days", "first day [80%]", "method"], table),
        };

        var history = History(context, first.AddDays(-DemandForecastReport.HistoryDaysShown), first, byCategory.Take(CategoriesDrawn).Select(g => g.Key).ToList());
        foreach (var group in byCategory.Take(CategoriesDrawn))
        {
            var past = history.GetValueOrDefault(group.Key) ?? [];
            var x = Enumerable.Range(-DemandForecastReport.HistoryDaysShown, DemandForecastReport.HistoryDaysShown + days)
                .Select(d => first.AddDays(d).ToString("MM-dd", CultureInfo.InvariantCulture)).ToList();
            var ahead = group.ToDictionary(p => p.Day);
            double?[] Ahead(Func<Shown, double> pick) =>
                [.. Enumerable.Repeat<double?>(null, DemandForecastReport.HistoryDaysShown), .. Enumerable.Range(0, days).Select(d => ahead.TryGetValue(first.AddDays(d), out var p) ? pick(p) : (double?)null)];
            var chart = new InsightChart(InsightChartKind.Line, "day", "purchases", x,
            [
                new InsightSeries("history", [.. Enumerable.Range(-DemandForecastReport.HistoryDaysShown, DemandForecastReport.HistoryDaysShown).Select(d => past.TryGetValue(first.AddDays(d), out var v) ? v : 0), .. Enumerable.Repeat<double?>(null, days)]),
                new InsightSeries("forecast", Ahead(p => p.Forecast)),
            ])
            {
                Bands = [new InsightBand("95% interval", Ahead(p => p.Lower95), Ahead(p => p.Upper95)), new InsightBand("80% interval", Ahead(p => p.Lower80), Ahead(p => p.Upper80))],
            };
            sections.Add(new InsightSection($"Demand: {group.Key}", string.Create(CultureInfo.InvariantCulture,
                $"Daily purchases in {group.Key}: the last {DemandForecastReport.HistoryDaysShown} days (gold demand_daily), then the forecast with its 80% and 95% conformal intervals."), [], [], chart));
        }

        return sections;
    }

    /// <summary>Daily purchases per top-level category from the first day shown up to the day before the forecast (a missing day: no purchase).</summary>
    private static Dictionary<string, Dictionary<DateOnly, double?>> History(InsightContext context, DateOnly from, DateOnly until, IReadOnlyList<string> categories)
    {
        var files = GoldLayout.Files(context.Lake, GoldTables.DemandDaily.Name);
        var history = new Dictionary<string, Dictionary<DateOnly, double?>>(StringComparer.Ordinal);
        if (files.Count == 0 || categories.Count == 0)
        {
            return history;
        }

        context.Scratch.ForEachRow($"""
            SELECT category_key, strftime(day, '%Y-%m-%d'), CAST(sum(purchases) AS DOUBLE)
            FROM {LakeSql.ReadParquet(files)}
            WHERE level = '{DemandSeries.TopCategoryLevel}' AND day >= DATE '{from:yyyy-MM-dd}' AND day < DATE '{until:yyyy-MM-dd}'
              AND category_key IN ({string.Join(", ", categories.Select(c => $"'{LakeSql.Literal(c)}'"))})
            GROUP BY 1, 2
            """, r =>
        {
            if (!history.TryGetValue(r.GetString(0), out var days))
            {
                history[r.GetString(0)] = days = [];
            }

            days[DateOnly.ParseExact(r.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture)] = r.GetDouble(2);
        });
        return history;
    }

    /// <summary>The champion's backtest MASE by horizon with its interval (card estimates), every method at 7 days and the oracle.</summary>
    private static InsightSection? Backtest(InsightContext context)
    {
        if (context.Registry.Champion(DemandForecastModel.RegistryName) is not { } card)
        {
            return null;
        }

        var byHorizon = card.Estimates
            .Select(e => (Estimate: e, Horizon: e.Name.StartsWith("mase_h", StringComparison.Ordinal) && int.TryParse(e.Name[6..], NumberStyles.None, CultureInfo.InvariantCulture, out var h) ? h : 0))
            .Where(e => e.Horizon > 0).OrderBy(e => e.Horizon).ToList();
        if (byHorizon.Count == 0)
        {
            return null;
        }

        var chart = new InsightChart(InsightChartKind.Line, "horizon (days)", "MASE", [.. byHorizon.Select(e => e.Horizon.ToString(CultureInfo.InvariantCulture))],
            [new InsightSeries($"{card.Family} v{card.Version}", [.. byHorizon.Select(e => (double?)e.Estimate.Value.Estimate)])])
        {
            Bands = [new InsightBand("95% interval", [.. byHorizon.Select(e => (double?)e.Estimate.Value.Lower)], [.. byHorizon.Select(e => (double?)e.Estimate.Value.Upper)])],
        };
        var rows = byHorizon.Select(e => new[] { $"{e.Horizon} days", $"{card.Family} v{card.Version} (champion)", e.Estimate.Value.ToString() }).ToList();
        rows.AddRange(card.Families.Where(f => f.Key != card.Family).OrderBy(f => f.Value)
            .Select(f => new[] { $"{byHorizon[0].Horizon} days", f.Key, f.Value.ToString("0.0000", CultureInfo.InvariantCulture) }));
        if (card.Oracle is { } oracle)
        {
            rows.Add([$"{byHorizon[0].Horizon} days", "oracle (the world's expected demand)", oracle.ToString()]);
        }

        return new InsightSection("Backtest error by horizon", string.Create(CultureInfo.InvariantCulture,
            $"Rolling-origin backtest of purchases per category: MASE (below 1 beats the seasonal naive forecast's in-sample error) of the champion by horizon with its 95% interval over categories; every method and the oracle at {byHorizon[0].Horizon} days."),
            ["horizon", "method", "MASE [95% interval]"], rows, chart);
    }

    /// <summary>One forecast day of a top-level category as read from the gold table.</summary>
    private sealed record Shown(string Category, DateOnly Day, double Forecast, double Lower80, double Upper80, double Lower95, double Upper95, string Method, int Version);
}
