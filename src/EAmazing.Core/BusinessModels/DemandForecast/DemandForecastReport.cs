using System.Globalization;
using System.Net;
using System.Text;
using EAmazing.Models.Business;
using ScottPlot;

namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>
/// Writes the demand-forecast report: the backtest table per target, method and horizon (the oracle beside them), the
/// interval coverage, backtest error by horizon (plot), and the forecast of the largest top-level category and category:
/// history, forecast and 80%/95% band (plots).
/// </summary>
public static class DemandForecastReport
{
    public const int HistoryDaysShown = 42;

    public static void Write(
        string directory,
        DemandHistory history,
        DemandForecastFit fit,
        IReadOnlyDictionary<DemandTarget, List<MethodScore>> scores,
        IReadOnlyList<IntervalCheck.Coverage> coverage,
        IReadOnlyList<TrainingNote> notes,
        DemandOracle? oracle)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, "errors-by-horizon.png"), ErrorPlot(scores[DemandTarget.Purchases]));
        var shown = new[] { DemandSeries.TopCategoryLevel, DemandSeries.CategoryLevel }
            .Select(level => history.Series.Where(s => s.Level == level).MaxBy(s => s.Purchases.Sum()))
            .OfType<DemandSeries>().ToList();
        var charts = new List<(string File, DemandSeries Series)>();
        foreach (var series in shown)
        {
            var file = $"forecast-{series.Level}.png";
            File.WriteAllBytes(Path.Combine(directory, file), ForecastPlot(history, fit, series));
            charts.Add((file, series));
        }

        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>e-amazing: demand forecast</title>
            <style>body{"{"}font-family:sans-serif;max-width:1100px;margin:2em auto{"}"}table{"{"}border-collapse:collapse{"}"}td,th{"{"}border:1px solid #ccc;padding:4px 8px;text-align:right{"}"}th:first-child,td:first-child{"{"}text-align:left{"}"}</style></head><body>
            <h1>Demand forecast: {Enc(fit.Method)}</h1>
            <p>Rolling-origin backtest on gold demand_daily up to {fit.TrainedThrough:yyyy-MM-dd}: from each origin every method forecasts the next {fit.Horizon} days from the days before it.
            MASE divides by the in-sample error of the seasonal naive forecast (t−7); wRMSSE is weighted by each category's revenue of the 28 days before the last origin (M5).
            Scores are over categories; intervals are 95% bootstrap intervals over categories. The oracle is the generated world's expected demand{(oracle is null ? " (not available: no truth given)" : "")}.</p>
            <ul>{string.Concat(notes.Select(n => $"<li>{(n.IsAlarm ? "<b>alarm:</b> " : "")}{Enc(n.Text)}</li>"))}</ul>
            """);
        foreach (var (target, list) in scores)
        {
            var horizons = list.Select(s => s.Horizon).Distinct().Order().ToList();
            html.Append(CultureInfo.InvariantCulture, $"<h2>Backtest: {target.Name()}</h2><table><tr><th>method</th>");
            html.Append(string.Concat(horizons.Select(h => $"<th>MASE {h} d</th>"))).Append(string.Concat(horizons.Select(h => $"<th>sMAPE {h} d</th>")))
                .Append(string.Concat(horizons.Select(h => $"<th>wRMSSE {h} d</th>"))).Append("</tr>");
            foreach (var method in list.GroupBy(s => s.Method))
            {
                var name = method.Key == fit.Method ? $"<b>{Enc(method.Key)}</b>" : Enc(method.Key);
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{name}</td>");
                html.Append(string.Concat(horizons.Select(h => $"<td>{method.FirstOrDefault(s => s.Horizon == h)?.Mase.ToString() ?? "-"}</td>")));
                html.Append(string.Concat(horizons.Select(h => $"<td>{method.FirstOrDefault(s => s.Horizon == h)?.Smape.Estimate.ToString("0.0000", CultureInfo.InvariantCulture) ?? "-"}</td>")));
                html.Append(string.Concat(horizons.Select(h => $"<td>{method.FirstOrDefault(s => s.Horizon == h)?.WeightedRmsse.ToString("0.0000", CultureInfo.InvariantCulture) ?? "-"}</td>")));
                html.Append("</tr>");
            }

            html.Append("</table>");
        }

        html.Append("<h2>Intervals (purchases, last origin, calibrated on the earlier origins)</h2><table><tr><th>nominal</th><th>coverage</th>");
        var byHorizon = coverage[0].ByHorizon.Keys.ToList();
        html.Append(string.Concat(byHorizon.Select(h => $"<th>first {h} d</th>"))).Append("<th>scaled Winkler</th></tr>");
        foreach (var c in coverage)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{c.Level:P0}</td><td>{c.Covered}</td>{string.Concat(byHorizon.Select(h => $"<td>{c.ByHorizon[h]:0.000}</td>"))}<td>{c.ScaledWinkler:0.000}</td></tr>");
        }

        html.Append("</table><h2>Backtest error by horizon</h2><p><img src=\"errors-by-horizon.png\" alt=\"purchases MASE by horizon per method\"></p>");
        foreach (var (file, series) in charts)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>Forecast: {Enc(series.Level)} {Enc(series.Key)}</h2><p><img src=\"{file}\" alt=\"purchases history, forecast and 80% and 95% band of {Enc(series.Key)}\"></p>");
        }

        html.Append("</body></html>");
        File.WriteAllText(Path.Combine(directory, "index.html"), html.ToString());
    }

    private static byte[] ErrorPlot(IReadOnlyList<MethodScore> scores)
    {
        var plot = new Plot();
        foreach (var method in scores.GroupBy(s => s.Method))
        {
            var points = method.OrderBy(s => s.Horizon).ToList();
            var line = plot.Add.Scatter(points.Select(s => (double)s.Horizon).ToArray(), points.Select(s => s.Mase.Estimate).ToArray());
            line.LegendText = method.Key;
        }

        plot.Title("Backtest error on purchases by horizon");
        plot.Axes.Bottom.Label.Text = "horizon (days)";
        plot.Axes.Left.Label.Text = "MASE (vs seasonal naive scale)";
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetImageBytes(720, 460, ImageFormat.Png);
    }

    private static byte[] ForecastPlot(DemandHistory history, DemandForecastFit fit, DemandSeries series)
    {
        var points = DemandForecaster.Forecast(history, fit, fit.Horizon, [series], [DemandTarget.Purchases]);
        var from = Math.Max(0, history.Days - HistoryDaysShown);
        var plot = new Plot();
        var future = points.Select(p => (double)(p.Day.DayNumber - history.First.DayNumber)).ToArray();
        var band95 = plot.Add.FillY(future, points.Select(p => p.Lower95).ToArray(), points.Select(p => p.Upper95).ToArray());
        band95.LegendText = "95% band";
        band95.FillColor = Colors.SteelBlue.WithAlpha(0.2);
        var band80 = plot.Add.FillY(future, points.Select(p => p.Lower80).ToArray(), points.Select(p => p.Upper80).ToArray());
        band80.LegendText = "80% band";
        band80.FillColor = Colors.SteelBlue.WithAlpha(0.35);
        var past = plot.Add.ScatterLine(Enumerable.Range(from, history.Days - from).Select(d => (double)d).ToArray(), series.Purchases[from..]);
        past.LegendText = "history";
        past.Color = Colors.Black;
        var forecast = plot.Add.ScatterLine(future, points.Select(p => p.Point).ToArray());
        forecast.LegendText = $"forecast ({fit.Method})";
        forecast.Color = Colors.SteelBlue;
        forecast.LineWidth = 2;
        plot.Title($"Purchases per day: {series.Level} {series.Key} (day 0 = {history.First:yyyy-MM-dd})");
        plot.Axes.Bottom.Label.Text = "day";
        plot.Axes.Left.Label.Text = "purchases";
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetImageBytes(720, 460, ImageFormat.Png);
    }

    private static string Enc(string text) => WebUtility.HtmlEncode(text);
}
