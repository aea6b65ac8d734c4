using System.Globalization;
using System.Net;
using System.Text;
using EAmazing.Models.Business;
using EAmazing.Models.Evaluation;
using EAmazing.Models.Registry;
using ScottPlot;

namespace EAmazing.BusinessModels.CustomerValue;

/// <summary>Writes the customer-value report: the comparison with intervals, predicted vs actual purchases per frequency group (table and plot), the campaign curve.</summary>
public static class CustomerValueReport
{
    public static void Write(
        string directory,
        CustomerValueFit fit,
        int customers,
        int holdoutDays,
        IReadOnlyDictionary<string, IReadOnlyList<NamedEstimate>> estimates,
        Foundation.Statistics.ConfidenceInterval? oracle,
        IReadOnlyList<FrequencyGroup> groups,
        CampaignCurve campaign,
        IReadOnlyList<TrainingNote> notes)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, "frequency-groups.png"), GroupPlot(groups, holdoutDays));
        File.WriteAllBytes(Path.Combine(directory, "campaign.png"), CampaignPlot(campaign));
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>e-amazing: customer value</title>
            <style>body{"{"}font-family:sans-serif;max-width:1000px;margin:2em auto{"}"}table{"{"}border-collapse:collapse{"}"}td,th{"{"}border:1px solid #ccc;padding:4px 8px;text-align:right{"}"}th:first-child,td:first-child{"{"}text-align:left{"}"}</style></head><body>
            <h1>Customer value (BG/NBD + Gamma–Gamma)</h1>
            <p>{customers:N0} customers with a purchase before the calibration end {fit.CalibrationEnd:yyyy-MM-dd}; judged on the purchases
            (sessions with a purchase) of the {holdoutDays} days after it. Intervals are 95% bootstrap intervals over customers.</p>
            <ul>{string.Concat(notes.Select(n => $"<li>{Enc(n.Text)}</li>"))}</ul>
            <h2>Holdout error</h2><table><tr><th>method</th>{string.Concat(CustomerValueMetrics.Names.Select(n => $"<th>{n}</th>"))}</tr>
            """);
        foreach (var (method, values) in estimates)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Enc(method)}</td>{string.Concat(values.Select(v => $"<td>{v.Value}</td>"))}</tr>");
        }

        if (oracle is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>oracle</td><td>{oracle}</td><td>-</td><td>-</td><td>-</td></tr>");
        }

        var methods = groups.FirstOrDefault()?.Predicted.Keys.ToList() ?? [];
        html.Append("</table><h2>Predicted vs actual purchases per frequency group</h2><table><tr><th>repeat purchases in calibration</th><th>customers</th><th>actual</th>");
        html.Append(string.Concat(methods.Select(m => $"<th>{Enc(m)}</th>"))).Append("</tr>");
        foreach (var g in groups)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{g.Label}</td><td>{g.Customers:N0}</td><td>{g.Actual:0.000}</td>{string.Concat(methods.Select(m => $"<td>{g.Predicted[m]:0.000}</td>"))}</tr>");
        }

        html.Append("""
            </table><p><img src="frequency-groups.png" alt="mean holdout purchases per frequency group, actual and predicted"></p>
            <h2>Campaign view</h2><p>Customers contacted in order of 1 − P(alive); expected profit by share contacted.</p>
            <p><img src="campaign.png" alt="expected campaign profit by share of customers contacted"></p></body></html>
            """);
        File.WriteAllText(Path.Combine(directory, "index.html"), html.ToString());
    }

    private static byte[] GroupPlot(IReadOnlyList<FrequencyGroup> groups, int holdoutDays)
    {
        var plot = new Plot();
        var xs = groups.Select((_, i) => (double)i).ToArray();
        var actual = plot.Add.ScatterLine(xs, groups.Select(g => g.Actual).ToArray());
        actual.LegendText = "actual";
        actual.LineWidth = 3;
        foreach (var method in groups.FirstOrDefault()?.Predicted.Keys ?? Enumerable.Empty<string>())
        {
            var line = plot.Add.Scatter(xs, groups.Select(g => g.Predicted[method]).ToArray());
            line.LegendText = method;
        }

        plot.Axes.Bottom.SetTicks(xs, groups.Select(g => g.Label).ToArray());
        plot.Title($"Mean purchases in the {holdoutDays}-day holdout");
        plot.Axes.Bottom.Label.Text = "repeat purchases in calibration";
        plot.Axes.Left.Label.Text = "purchases per customer";
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetImageBytes(640, 440, ImageFormat.Png);
    }

    private static byte[] CampaignPlot(CampaignCurve curve)
    {
        var plot = new Plot();
        var step = Math.Max(1, curve.Points.Count / 400);
        var points = curve.Points.Where((_, i) => i % step == 0).Append(curve.Points[^1]).ToList();
        plot.Add.ScatterLine(points.Select(p => p.Share * 100).ToArray(), points.Select(p => p.ExpectedProfit).ToArray());
        var best = plot.Add.Marker(curve.Best.Share * 100, curve.Best.ExpectedProfit);
        best.LegendText = $"best: {curve.Best.Share:P1}, {curve.Best.ExpectedProfit:N0}";
        plot.Title("Expected campaign profit");
        plot.Axes.Bottom.Label.Text = "customers contacted (%)";
        plot.Axes.Left.Label.Text = "expected profit";
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(640, 440, ImageFormat.Png);
    }

    private static string Enc(string text) => WebUtility.HtmlEncode(text);
}
