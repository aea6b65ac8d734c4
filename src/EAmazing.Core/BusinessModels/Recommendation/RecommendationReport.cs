using System.Globalization;
using System.Net;
using System.Text;
using EAmazing.BusinessModels.Recommendation.Data;
using EAmazing.BusinessModels.Recommendation.Evaluation;
using EAmazing.Models.Business;
using ScottPlot;

namespace EAmazing.BusinessModels.Recommendation;

/// <summary>
/// Writes the recommender report: the comparison of every method on the test day with 95% bootstrap intervals over
/// sessions and the oracle beside them, Recall@20 and MRR@20 by method (plot) and Recall@20 by prefix length (plot);
/// for the daily protocol, Recall@20 of every method and the oracle on each test day (table and plot).
/// </summary>
public static class RecommendationReport
{
    public static void Write(
        string directory, MethodResult chosen, IReadOnlyList<MethodResult> results, MethodEvaluation? oracle, PreparationOptions preparation,
        RecommendationComparison comparison, IReadOnlyList<TrainingNote> notes, ulong seed)
    {
        Directory.CreateDirectory(directory);
        var daily = comparison.Protocol == RecommendationProtocol.Daily;
        var protocol = daily
            ? $"Daily incremental protocol: hyperparameters chosen by Recall@20 on the sessions starting {comparison.ValidationDay:yyyy-MM-dd} (fitted on the days before); "
                + $"then for each test day {comparison.FirstTestDay:yyyy-MM-dd}..{comparison.LastTestDay:yyyy-MM-dd}, every method fitted on the sessions ending before that day "
                + "(a method trained once says so in the notes) and judged on the sessions starting that day; the tables pool every test day's events."
            : $"Last-day protocol: hyperparameters chosen by Recall@20 on the sessions starting {comparison.ValidationDay:yyyy-MM-dd} (fitted on the days before); "
                + $"every method then refitted on the sessions ending before {comparison.FirstTestDay:yyyy-MM-dd} and judged on the sessions starting that day.";
        if (daily)
        {
            File.WriteAllBytes(Path.Combine(directory, "recall-by-day.png"), DayPlot(comparison, oracle));
        }

        File.WriteAllBytes(Path.Combine(directory, "metric-by-method.png"), MethodPlot(results, oracle));
        File.WriteAllBytes(Path.Combine(directory, "recall-by-length.png"), LengthPlot(results, oracle));
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>e-amazing: next-item recommendation</title>
            <style>body{"{"}font-family:sans-serif;max-width:1200px;margin:2em auto{"}"}table{"{"}border-collapse:collapse{"}"}td,th{"{"}border:1px solid #ccc;padding:4px 8px;text-align:right{"}"}th:first-child,td:first-child{"{"}text-align:left{"}"}</style></head><body>
            <h1>Next-item recommendation: {Enc(chosen.Name)}</h1>
            <p>{Enc(protocol)} Each event after a
            session's first is predicted from the events before it and ranked among all items (no sampled negatives); an item training never saw is a miss.
            Intervals: 95% percentile bootstrap over sessions (seed {seed}). Coverage: share of items in any top-20 list; popularity bias: mean training
            popularity of listed items relative to the most popular; conversion hit: share of events, after which the session carts or buys an item, whose top-20 held it.</p>
            <ul>{string.Concat(notes.Select(n => $"<li>{(n.IsAlarm ? "<b>alarm:</b> " : "")}{Enc(n.Text)}</li>"))}</ul>
            <h2>Methods on the test day</h2><table><tr><th>method</th><th>settings</th><th>valid R@20</th>
            """);
        html.Append(string.Concat(RankingMetrics.Names.Select(n => $"<th>{n}</th>"))).Append("<th>coverage</th><th>pop. bias</th><th>conv. hit @20</th><th>/ oracle R@20</th><th>/ oracle MRR@20</th><th>fit s</th><th>eval s</th></tr>");
        foreach (var r in results)
        {
            var name = r == chosen ? $"<b>{Enc(r.Name)}</b>" : Enc(r.Name) + (r.Method.IsBaseline ? " (baseline)" : "");
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{name}</td><td>{Enc(r.Settings)}</td><td>{r.ValidationRecall:0.0000}</td>");
            html.Append(string.Concat(RankingMetrics.Names.Select(n => $"<td>{r.Test.Interval(n, seed)}</td>")));
            html.Append(CultureInfo.InvariantCulture, $"<td>{r.Test.Coverage:0.0000}</td><td>{r.Test.PopularityBias:0.0000}</td><td>{r.Test.ConversionHitRate(seed)}</td>");
            html.Append(oracle is null ? "<td>-</td><td>-</td>" : string.Create(CultureInfo.InvariantCulture,
                $"<td>{r.Test.Mean(RecommendationTraining.Primary) / oracle.Mean(RecommendationTraining.Primary):0.000}</td><td>{r.Test.Mean(RankingMetrics.Mrr(20)) / oracle.Mean(RankingMetrics.Mrr(20)):0.000}</td>"));
            html.Append(CultureInfo.InvariantCulture, $"<td>{r.FitSeconds:0.0}</td><td>{r.EvaluationSeconds:0.0}</td></tr>");
        }

        if (oracle is not null)
        {
            html.Append("<tr><td>oracle</td><td>true next-item distribution</td><td>-</td>").Append(string.Concat(RankingMetrics.Names.Select(n => $"<td>{oracle.Interval(n, seed)}</td>")))
                .Append("<td>-</td><td>-</td><td>-</td><td>1.000</td><td>1.000</td><td>-</td><td>-</td></tr>");
        }

        html.Append("</table><h2>Preparation</h2><ul>").Append(string.Concat(preparation.Describe().Select(d => $"<li>{Enc(d)}</li>"))).Append("</ul>");
        html.Append("<h2>Recall@20 and MRR@20 by method</h2><p><img src=\"metric-by-method.png\" alt=\"recall@20 and mrr@20 of each method and the oracle\"></p>");
        html.Append("<h2>Recall@20 by session length so far</h2><p><img src=\"recall-by-length.png\" alt=\"recall@20 by prefix length per method\"></p>");
        if (daily)
        {
            html.Append("<h2>Recall@20 by test day</h2><table><tr><th>day</th><th>sessions</th>").Append(string.Concat(results.Select(r => $"<th>{Enc(r.Name)}</th>")))
                .Append(oracle is null ? "" : "<th>oracle</th><th>best / oracle</th>").Append("</tr>");
            var skip = 0;
            for (var d = 0; d < comparison.Folds.Count; d++)
            {
                var fold = comparison.Folds[d];
                var recalls = results.Select(r => r.Days[d].Evaluation.Mean(RecommendationTraining.Primary)).ToList();
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{fold.Day:yyyy-MM-dd}</td><td>{fold.Test.Count:N0}</td>").Append(string.Concat(recalls.Select(v => string.Create(CultureInfo.InvariantCulture, $"<td>{v:0.0000}</td>"))));
                if (oracle is not null)
                {
                    var o = oracle.Slice(skip, fold.Test.Count).Mean(RecommendationTraining.Primary);
                    html.Append(CultureInfo.InvariantCulture, $"<td>{o:0.0000}</td><td>{recalls.Max() / o:0.000}</td>");
                }

                skip += fold.Test.Count;
                html.Append("</tr>");
            }

            html.Append("</table><p><img src=\"recall-by-day.png\" alt=\"recall@20 by test day per method\"></p>");
        }

        html.Append("</body></html>");
        File.WriteAllText(Path.Combine(directory, "index.html"), html.ToString());
    }

    private static byte[] MethodPlot(IReadOnlyList<MethodResult> results, MethodEvaluation? oracle)
    {
        var names = results.Select(r => r.Name).ToList();
        var recall = results.Select(r => r.Test.Mean(RecommendationTraining.Primary)).ToList();
        var mrr = results.Select(r => r.Test.Mean(RankingMetrics.Mrr(20))).ToList();
        if (oracle is not null)
        {
            names.Add("oracle");
            recall.Add(oracle.Mean(RecommendationTraining.Primary));
            mrr.Add(oracle.Mean(RankingMetrics.Mrr(20)));
        }

        var plot = new Plot();
        var bars = new List<Bar>();
        for (var i = 0; i < names.Count; i++)
        {
            bars.Add(new Bar { Position = (i * 3) + 0, Value = recall[i], FillColor = Colors.SteelBlue });
            bars.Add(new Bar { Position = (i * 3) + 1, Value = mrr[i], FillColor = Colors.Orange });
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(names.Select((_, i) => (i * 3) + 0.5).ToArray(), [.. names]);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "recall@20", FillColor = Colors.SteelBlue });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "mrr@20", FillColor = Colors.Orange });
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Title("Test day: recall@20 and MRR@20 by method");
        plot.Axes.Margins(bottom: 0);
        return plot.GetImageBytes(900, 460, ImageFormat.Png);
    }

    private static byte[] LengthPlot(IReadOnlyList<MethodResult> results, MethodEvaluation? oracle)
    {
        var plot = new Plot();
        var series = results.Select(r => (r.Name, r.Test)).ToList();
        if (oracle is not null)
        {
            series.Add(("oracle", oracle));
        }

        foreach (var (name, evaluation) in series)
        {
            var byLength = evaluation.RecallByPrefixLength();
            var line = plot.Add.Scatter(byLength.Keys.Select(k => (double)k).ToArray(), byLength.Values.Select(v => v.Recall).ToArray());
            line.LegendText = name;
        }

        plot.Title("Test day: recall@20 by number of events so far (10 = 10 or more)");
        plot.Axes.Bottom.Label.Text = "events in the session so far";
        plot.Axes.Left.Label.Text = "recall@20";
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(900, 460, ImageFormat.Png);
    }

    private static byte[] DayPlot(RecommendationComparison comparison, MethodEvaluation? oracle)
    {
        var plot = new Plot();
        var days = comparison.Folds.Select(f => (double)f.Day.DayNumber).ToArray();
        foreach (var r in comparison.Results)
        {
            plot.Add.Scatter(days, r.Days.Select(d => d.Evaluation.Mean(RecommendationTraining.Primary)).ToArray()).LegendText = r.Name;
        }

        if (oracle is not null)
        {
            var skip = 0;
            var values = new List<double>();
            foreach (var fold in comparison.Folds)
            {
                values.Add(oracle.Slice(skip, fold.Test.Count).Mean(RecommendationTraining.Primary));
                skip += fold.Test.Count;
            }

            plot.Add.Scatter(days, values.ToArray()).LegendText = "oracle";
        }

        plot.Axes.Bottom.SetTicks(days, comparison.Folds.Select(f => f.Day.ToString("MM-dd", CultureInfo.InvariantCulture)).ToArray());
        plot.Title("Daily protocol: recall@20 by test day (trained on the days before it)");
        plot.Axes.Left.Label.Text = "recall@20";
        plot.ShowLegend(Alignment.MiddleRight);
        return plot.GetImageBytes(900, 460, ImageFormat.Png);
    }

    private static string Enc(string text) => WebUtility.HtmlEncode(text);
}
