using System.Globalization;
using System.Net;
using System.Text;
using EAmazing.Models.Lab;

namespace EAmazing.Models.Reporting;

/// <summary>Writes <c>index.html</c>: the comparison table, curves, calibration, confusion matrix, importance, timings and data window.</summary>
public static class LabReport
{
    public static string Write(LabResult result, string directory, string? auditSummary = null, LabReportHeader? header = null)
    {
        Directory.CreateDirectory(directory);
        var html = new StringBuilder();
        var best = result.Best;
        var title = header is null ? result.Task : $"{header.Name} v{header.Version}";
        html.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>e-amazing lab: {Enc(title)}</title>
            {Style}</head><body>
            <h1>Model lab: {Enc(title)}</h1>
            <p>{Enc(result.Task)}.</p>
            """);
        if (header is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"""
                <table class="facts">
                <tr><th>model</th><td>{Enc(header.Name)} version {header.Version}, chosen family <b>{Enc(best.Family)}</b> ({Enc(best.Calibration)} calibration)</td></tr>
                <tr><th>created</th><td>{header.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC</td></tr>
                <tr><th>seed / code version</th><td>{header.Seed} / {Enc(header.CodeVersion)}</td></tr>
                <tr><th>search</th><td>{header.TrialsPerFamily} candidate(s) per family, chosen by validation log-loss; {Enc(header.NotReproducible ?? "reproducible: the same data, options and seed give the same model")}</td></tr>
                <tr><th>data window</th><td>{Enc(result.Split.ToString())}</td></tr>
                <tr><th>net value</th><td>value of a converted cart acted on {header.Cost.ConvertedValue.ToString(CultureInfo.InvariantCulture)}, cost of each intervention {header.Cost.InterventionCost.ToString(CultureInfo.InvariantCulture)}: net value = converted carts acted on × {header.Cost.ConvertedValue.ToString(CultureInfo.InvariantCulture)} − carts acted on × {header.Cost.InterventionCost.ToString(CultureInfo.InvariantCulture)}, on the test window at the threshold chosen on validation</td></tr>
                </table>
                """);
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            <p>Rows: train {result.TrainRows:N0} (positive rate {result.TrainPositiveRate:0.000}), validation {result.ValidationRows:N0}, test {result.TestRows:N0}.
            Each family's inputs are prepared as it declares (fitted on train); its candidates are compared on validation by log-loss, its scores
            calibrated on validation, and its threshold chosen on validation; the test window is scored once per family. Intervals are 95% bootstrap intervals.</p>
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
            html.Append("<p class=\"alarm\">The wall-clock budget ran out: some candidates were not tried.</p>");
        }

        if (auditSummary is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Leakage audit: {Enc(auditSummary)}</p>");
        }

        html.Append("<h2>Choice on validation</h2><table><tr><th>family</th><th>preparation (fitted on train)</th><th>trials</th><th>valid log-loss (calibrated, held out)</th><th>valid AUC</th><th>calibration</th><th>train s</th></tr>");
        foreach (var f in result.Families)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr{Row(f, best)}><td>{Swatch(f.Family)}{Enc(f.Family)}{(f.IsBaseline ? " (baseline)" : "")}</td><td class=\"text\">{Enc(Preparation(f))}</td><td>{f.TrialsRun}</td><td>{f.ValidationLogLoss:0.0000}</td><td>{f.ValidationAuc:0.000}</td><td>{Enc(f.Calibration)}</td><td>{f.TrainingTime.TotalSeconds:0.0}</td></tr>");
        }

        html.Append("</table><h2>Families side by side (test window)</h2><table><tr><th>family</th><th>ROC-AUC [95% CI]</th><th>PR-AUC</th><th>log-loss</th><th>Brier</th><th>ECE before → after</th><th>threshold</th><th>precision</th><th>recall</th><th>F1</th><th>lift top 10%</th><th>net value</th><th>vs oracle</th><th>score ms</th></tr>");
        foreach (var f in result.Families)
        {
            var t = f.Test;
            html.Append(CultureInfo.InvariantCulture, $"<tr{Row(f, best)}><td>{Swatch(f.Family)}{Enc(f.Family)}</td><td>{t.RocAuc}</td><td>{t.PrAuc.Estimate:0.000}</td><td>{t.LogLoss.Estimate:0.0000}</td><td>{t.Brier:0.0000}</td><td>{f.RawTestCalibrationError:0.000} → {t.CalibrationError:0.000}</td><td>{t.Threshold:0.000}</td><td>{t.Precision:0.000}</td><td>{t.Recall:0.000}</td><td>{t.F1.Estimate:0.000}</td><td>{t.LiftTopDecile:0.00}</td><td>{t.NetValue:N0}</td><td>{(f.OracleRatio is { } r ? r.ToString("0.000", CultureInfo.InvariantCulture) : "-")}</td><td>{f.ScoringTime.TotalMilliseconds:0}</td></tr>");
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
        foreach (var (name, png) in new[]
        {
            ("ROC", LabPlots.Roc(result)), ("PR", LabPlots.PrecisionRecall(result)), ("calibration before", LabPlots.Calibration(result, raw: true)),
            ("calibration after", LabPlots.Calibration(result)), ("importance", LabPlots.Importance(result)),
        })
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

    private static string Row(FamilyResult family, FamilyResult best) => family == best ? " class=\"best\"" : "";

    /// <summary>The family's colour in every chart, beside its name in every table.</summary>
    private static string Swatch(string family) => $"<span class=\"swatch\" style=\"background:{FamilyColours.Hex(family)}\"></span>";

    private static string Preparation(FamilyResult family)
    {
        var log = family.Preparation.Count(s => s.StartsWith("log1p:", StringComparison.Ordinal));
        var missing = family.Preparation.Count(s => s.StartsWith("missing indicator:", StringComparison.Ordinal));
        return family.Preparation.Count == 0 ? "raw values"
            : family.Preparation[0] + (log + missing > 0 ? $" ({log} log1p, {missing} indicators)" : "");
    }

    private const string Style = """
        <style>
        body { font-family: system-ui, sans-serif; margin: 1rem auto; max-width: 1240px; color: #222; font-size: 14px; }
        table { border-collapse: collapse; margin: 1rem 0; max-width: 100%; font-size: 12.5px; }
        th, td { border: 1px solid #ccc; padding: .2rem .4rem; text-align: right; }
        th { font-weight: 600; vertical-align: bottom; }
        th:first-child, td:first-child, td.text, .facts td { text-align: left; white-space: nowrap; }
        td.text, .facts td { white-space: normal; }
        .alarm { color: #b00; font-weight: bold; } .best { background: #eef7ee; }
        .swatch { display: inline-block; width: .8em; height: .8em; margin-right: .35em; vertical-align: -0.05em; }
        img { max-width: 49%; margin: .25%; border: 1px solid #eee; }
        </style>
        """;

    private static string Enc(string text) => WebUtility.HtmlEncode(text);
}
