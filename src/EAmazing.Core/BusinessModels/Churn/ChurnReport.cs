using System.Globalization;
using System.Net;
using System.Text;
using EAmazing.Models.Business;
using EAmazing.Models.Data;
using EAmazing.Models.Evaluation;
using ScottPlot;

namespace EAmazing.BusinessModels.Churn;

/// <summary>
/// Writes <c>report/churn.html</c> beside the lab's report: every family with the recency rule and the oracle on the same
/// test rows, the groups with and without past purchases, and the campaign curve (expected and realised profit) as a plot.
/// </summary>
public static class ChurnReport
{
    public const string FileName = "churn.html";

    public static void Write(
        string directory,
        TemporalSplit split,
        IReadOnlyList<ChurnGroupRow> groups,
        IReadOnlyList<IReadOnlyList<string>> comparison,
        IReadOnlyList<string> header,
        ChurnCampaignResult campaign,
        CampaignOptions options,
        IReadOnlyList<TrainingNote> notes)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, "campaign.png"), CampaignPlot(campaign));
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>e-amazing: churn</title>
            <style>body{"{"}font-family:sans-serif;max-width:1100px;margin:2em auto{"}"}table{"{"}border-collapse:collapse{"}"}td,th{"{"}border:1px solid #ccc;padding:4px 8px;text-align:right{"}"}th:first-child,td:first-child{"{"}text-align:left{"}"}</style></head><body>
            <h1>Churn: no purchase in the next 28 days</h1>
            <p>{Enc(split.ToString())}. Intervals are 95% bootstrap intervals over test users. The lab's full report (ROC, calibration,
            importance) is <a href="index.html">index.html</a>.</p>
            <h2>Every family beside the baselines and the oracle (test week)</h2><table><tr>{string.Concat(header.Select(h => $"<th>{Enc(h)}</th>"))}</tr>
            """);
        foreach (var row in comparison)
        {
            html.Append("<tr>").Append(string.Concat(row.Select(c => $"<td>{Enc(c)}</td>"))).Append("</tr>");
        }

        html.Append("</table><h2>Users with and without past purchases</h2><table><tr><th>group</th><th>method</th><th>users</th><th>churn rate</th><th>ROC-AUC [95% CI]</th><th>log-loss [95% CI]</th></tr>");
        foreach (var g in groups)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{Enc(g.Group)}</td><td>{Enc(g.Method)}</td><td>{g.Users:N0}</td><td>{g.ChurnRate:0.000}</td><td>{g.Auc?.ToString() ?? "-"}</td><td>{g.LogLoss}</td></tr>");
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            </table><h2>Campaign view</h2>
            <p>Users contacted in order of churn probability; an offer costs {options.OfferCost}, is accepted by {options.AcceptanceRate:P0} and keeps a leaving customer worth
            {options.KeptCustomerValue}. Expected profit from the scores; realised profit from who actually churned in the test week.</p>
            <p><img src="campaign.png" alt="expected and realised campaign profit by share of users contacted"></p>
            <h2>Notes</h2><ul>{string.Concat(notes.Select(n => $"<li>{Enc(n.Text)}</li>"))}</ul></body></html>
            """);
        File.WriteAllText(Path.Combine(directory, FileName), html.ToString());
    }

    private static byte[] CampaignPlot(ChurnCampaignResult campaign)
    {
        var plot = new Plot();
        var curve = campaign.Expected.Points;
        var step = Math.Max(1, curve.Count / 400);
        var indexes = Enumerable.Range(0, curve.Count).Where(i => i % step == 0).Append(curve.Count - 1).Distinct().ToArray();
        var expected = plot.Add.ScatterLine(indexes.Select(i => curve[i].Share * 100).ToArray(), indexes.Select(i => curve[i].ExpectedProfit).ToArray());
        expected.LegendText = "expected (scores)";
        var realised = plot.Add.ScatterLine(indexes.Select(i => curve[i].Share * 100).ToArray(), indexes.Select(i => campaign.Realised[i]).ToArray());
        realised.LegendText = "realised (test labels)";
        var best = plot.Add.Marker(campaign.Expected.Best.Share * 100, campaign.Expected.Best.ExpectedProfit);
        best.LegendText = $"best: {campaign.Expected.Best.Share:P1}";
        plot.Title("Retention campaign profit");
        plot.Axes.Bottom.Label.Text = "users contacted (%)";
        plot.Axes.Left.Label.Text = "profit";
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(640, 440, ImageFormat.Png);
    }

    private static string Enc(string text) => WebUtility.HtmlEncode(text);
}
