using System.Globalization;
using System.Net;
using System.Text;
using EAmazing.Models.Lab;

namespace EAmazing.Models.Reporting;

/// <summary>Writes <c>index.html</c>: the comparison table, curves, calibration, confusion matrix, importance, timings and data window.</summary>
public static class LabReport
{
    public static string Write(LabResult result, string directory, string? auditSummary = null)
    {
        Directory.CreateDirectory(directory);
        var html = new StringBuilder();
        var best = result.Best;
        html.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>e-amazing lab: {Enc(result.Task)}</title>
            {Style}</head><body>
            <h1>Model lab: {Enc(result.Task)}</h1>
            <p>Temporal split: {Enc(result.Split.ToString())}. Rows: train {result.TrainRows:N0} (positive rate {result.TrainPositiveRate:0.000}),
            validation {result.ValidationRows:N0}, test {result.TestRows:N0}. Models are selected and thresholds chosen on validation only;
            the test window is scored once per family. Intervals are 95% bootstrap intervals.</p>
            """);

        if (result.OracleAuc is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Oracle (the world's true probabilities, same test rows): ROC-AUC <b>{result.OracleAuc}</b>.</p>");
        }

        foreach (var alarm in result.Alarms)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"alarm\">ALARM: {Enc(alarm)}</p>");
        }

        if (result.BudgetExhausted)
        {
            html.Append("<p class=\"alarm\">The time budget ran out: some candidates were not tried.</p>");
        }

        if (auditSummary is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Leakage audit: {Enc(auditSummary)}</p>");
        }

        html.Append("<h2>Families side by side (test window)</h2><table><tr><th>family</th><th>validation AUC</th><th>ROC-AUC</th><th>PR-AUC</th><th>log-loss</th><th>Brier</th><th>calibration error</th><th>threshold</th><th>precision</th><th>recall</th><th>F1</th><th>lift top 10%</th><th>net value</th><th>vs oracle</th><th>trials</th><th>train s</th><th>score ms</th></tr>");
        foreach (var f in result.Families)
        {
            var t = f.Test;
            html.Append(CultureInfo.InvariantCulture, $"<tr{(f == best ? " class=\"best\"" : "")}><td>{Enc(f.Family)}{(f.IsBaseline ? " (baseline)" : "")}</td><td>{f.ValidationAuc:0.000}</td><td>{t.RocAuc}</td><td>{t.PrAuc}</td><td>{t.LogLoss.Estimate:0.0000}</td><td>{t.Brier:0.0000}</td><td>{t.CalibrationError:0.0000}</td><td>{t.Threshold:0.000}</td><td>{t.Precision:0.000}</td><td>{t.Recall:0.000}</td><td>{t.F1}</td><td>{t.LiftTopDecile:0.00}</td><td>{t.NetValue:N0}</td><td>{(f.OracleRatio is { } r ? r.ToString("0.000", CultureInfo.InvariantCulture) : "-")}</td><td>{f.TrialsRun}</td><td>{f.TrainingTime.TotalSeconds:0.0}</td><td>{f.ScoringTime.TotalMilliseconds:0}</td></tr>");
        }

        html.Append("</table>");
        var c = best.Test.Confusion;
        html.Append(CultureInfo.InvariantCulture, $"""
            <h2>Confusion matrix of {Enc(best.Family)} at threshold {best.Test.Threshold:0.000}</h2>
            <table><tr><th></th><th>predicted buy</th><th>predicted no buy</th></tr>
            <tr><td>bought</td><td>{c.TruePositives:N0}</td><td>{c.FalseNegatives:N0}</td></tr>
            <tr><td>did not buy</td><td>{c.FalsePositives:N0}</td><td>{c.TrueNegatives:N0}</td></tr></table>
            <h2>Hyperparameters of {Enc(best.Family)}</h2><p>{Enc(string.Join(", ", best.Model.Hyperparameters.Select(kv => $"{kv.Key}={kv.Value}")))}</p>
            <h2>Charts</h2>
            """);
        foreach (var (name, png) in new[] { ("ROC", LabPlots.Roc(result)), ("PR", LabPlots.PrecisionRecall(result)), ("calibration", LabPlots.Calibration(result)), ("importance", LabPlots.Importance(result)) })
        {
            html.Append(CultureInfo.InvariantCulture, $"<img alt=\"{name}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\">");
        }

        html.Append("<h2>Permutation importance</h2><table><tr><th>feature</th><th>test AUC drop</th></tr>");
        foreach (var i in result.Importance)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Enc(i.Feature)}</td><td>{i.AucDrop:0.0000}</td></tr>");
        }

        html.Append("</table></body></html>\n");
        var path = Path.Combine(directory, "index.html");
        File.WriteAllText(path, html.ToString());
        return path;
    }

    private const string Style = """
        <style>
        body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
        table { border-collapse: collapse; margin: 1rem 0; }
        th, td { border: 1px solid #ccc; padding: .3rem .6rem; text-align: right; }
        th:first-child, td:first-child { text-align: left; }
        .alarm { color: #b00; font-weight: bold; } .best { background: #eef7ee; }
        img { max-width: 48%; margin: .5%; border: 1px solid #eee; }
        </style>
        """;

    private static string Enc(string text) => WebUtility.HtmlEncode(text);
}
