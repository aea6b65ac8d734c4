using System.Globalization;
using System.Net;
using System.Text;
using EAmazing.BusinessModels.Segmentation.Profiles;
using EAmazing.BusinessModels.Segmentation.Selection;
using EAmazing.Foundation.Statistics;

namespace EAmazing.BusinessModels.Segmentation.Reporting;

/// <summary>Writes <c>index.html</c>: the rule and the choice, families × k with every metric, the profiles (k-anonymous), migration, plots.</summary>
public static class SegmentationReport
{
    public static void Write(SegmentationResult result, string directory, int minGroupSize)
    {
        Directory.CreateDirectory(directory);
        var html = new StringBuilder();
        var chosen = result.Chosen;
        html.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>e-amazing customer segments</title>
            <style>body{"{"}font-family:sans-serif;margin:2em{"}"} table{"{"}border-collapse:collapse{"}"} td,th{"{"}border:1px solid #ccc;padding:3px 6px;text-align:right{"}"} tr.best{"{"}background:#e6f4e6{"}"} .alarm{"{"}color:#b00{"}"}</style></head><body>
            <h1>Customer segments</h1>
            <p>Snapshot {result.Snapshot.SnapshotTime:yyyy-MM-dd} of gold_user_snapshots: {result.Snapshot.Count:N0} users; columns {Enc(string.Join(", ", result.Transform.Columns.Select(c => $"{c.Name} ({c.Shape})")))}, capped at their 99th percentile and standardised on this snapshot.</p>
            <p>Rule: {Enc(SelectionRule.Text)}.</p>
            <p>Chosen: <b>{Enc(chosen.Family)}, k = {chosen.K}</b> ({(result.Trusted ? "every segment stable" : "NOT every segment stable")}).</p>
            """);
        foreach (var alarm in result.Alarms)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"alarm\">ALARM: {Enc(alarm)}</p>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>Families × k</h2><p>ARI and NMI against the world's personas on {result.UsersWithTruth:N0} users (95% bootstrap intervals; the oracle is 1.0).</p>");
        html.Append("<table><tr>").Append(string.Concat(Header.Select(h => $"<th>{Enc(h)}</th>"))).Append("</tr>");
        foreach (var row in Rows(result))
        {
            html.Append(row.Chosen ? "<tr class=\"best\">" : "<tr>").Append(string.Concat(row.Cells.Select(c => $"<td>{Enc(c)}</td>"))).Append("</tr>");
        }

        html.Append("</table>");
        var profiles = ProfileTable.Suppressed(result.Profiles, minGroupSize);
        html.Append(CultureInfo.InvariantCulture, $"<h2>Segments (groups under {minGroupSize} people shown as {Enc("<" + minGroupSize)})</h2><table><tr>");
        html.Append(string.Concat(profiles.Columns.Select(c => $"<th>{Enc(c)}</th>"))).Append("</tr>");
        foreach (var row in profiles.Rows)
        {
            html.Append("<tr>").Append(string.Concat(row.Select(c => $"<td>{Enc(c)}</td>"))).Append("</tr>");
        }

        html.Append("</table>");
        if (result.Migration is { } migration)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>Migration {migration.From:yyyy-MM-dd} → {migration.To:yyyy-MM-dd}</h2><p>People in both snapshots, by segment before (rows) and after (columns); {migration.Stayed:P1} stayed.</p><table><tr><th></th>");
            html.Append(string.Concat(migration.Segments.Select(s => $"<th>{s}</th>"))).Append("</tr>");
            for (var a = 0; a < migration.Segments.Count; a++)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><th>{migration.Segments[a]}</th>");
                for (var b = 0; b < migration.Segments.Count; b++)
                {
                    var people = migration.People[a, b];
                    html.Append(CultureInfo.InvariantCulture, $"<td>{(people > 0 && people < minGroupSize ? Enc("<" + minGroupSize) : people.ToString("N0", CultureInfo.InvariantCulture))}</td>");
                }

                html.Append("</tr>");
            }

            html.Append("</table>");
            html.Append(CultureInfo.InvariantCulture, $"<img alt=\"migration\" src=\"data:image/png;base64,{Convert.ToBase64String(SegmentationPlots.Migration(migration, minGroupSize))}\">");
        }

        var sampleRows = result.SilhouetteRows;
        var sample = sampleRows.Select(i => result.Points[i]).ToArray();
        var sampleLabels = sampleRows.Select(i => chosen.Labels[i]).ToArray();
        foreach (var (name, png) in new (string, byte[])[]
        {
            ("silhouette", SegmentationPlots.MetricByK(result, c => c.Silhouette, "Silhouette vs k (fixed sample)")),
            ("stability", SegmentationPlots.MetricByK(result, c => c.MeanStability, "Mean bootstrap stability vs k")),
            ("ari", SegmentationPlots.MetricByK(result, c => c.Ari?.Estimate ?? double.NaN, "ARI vs the world's personas")),
            ("stability-per-segment", SegmentationPlots.StabilityPerSegment(result)),
            ("projection", SegmentationPlots.Projection2D(result, sample, sampleLabels)),
            ("profiles", SegmentationPlots.ProfileBars(result.Profiles, minGroupSize)),
        })
        {
            html.Append(CultureInfo.InvariantCulture, $"<img alt=\"{name}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\">");
        }

        html.Append("</body></html>\n");
        File.WriteAllText(Path.Combine(directory, "index.html"), html.ToString());
    }

    public static readonly string[] Header =
        ["family", "k", "occupied", "silhouette", "Davies-Bouldin", "Calinski-Harabasz", "BIC", "stability mean", "stability min", "ARI vs personas", "NMI vs personas", "fit s"];

    /// <summary>The comparison as formatted cells (shared by the report, the CLI and the notes).</summary>
    public static IEnumerable<(bool Chosen, string[] Cells)> Rows(SegmentationResult result) =>
        result.Candidates.Select(c => (c == result.Chosen, new[]
        {
            c.Family + (c.IsBaseline ? " (baseline)" : ""), N(c.K), N(c.Occupied), c.SilhouetteInterval is { } silhouette ? I(silhouette) : F(c.Silhouette), F(c.DaviesBouldin), F(c.CalinskiHarabasz, "0.0"),
            c.Bic is { } bic ? bic.ToString("0", CultureInfo.InvariantCulture) : "-", F(c.MeanStability), c.MinStabilityInterval is { } least ? I(least) : F(c.MinStability), I(c.Ari), I(c.Nmi),
            c.FitTime.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture),
        }));

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double value, string format = "0.000") => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static string I(ConfidenceInterval? value) => value is null ? "-" : $"{value.Estimate:0.000} [{value.Lower:0.000}, {value.Upper:0.000}]";

    private static string Enc(string text) => WebUtility.HtmlEncode(text);
}
