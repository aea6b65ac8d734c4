using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using EAmazing.Foundation.Files;

namespace EAmazing.Monitoring.Drift;

/// <summary>
/// Writes a drift report under <c>lake/monitoring/drift/&lt;model&gt;/</c>: a CSV table and a small HTML page per
/// window, and <c>latest.json</c>, which the server's metrics endpoint exposes.
/// </summary>
public static class DriftReportWriter
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Folder(string lakeRoot, string model) => Path.Combine(Path.GetFullPath(lakeRoot), "monitoring", "drift", model);

    public static string LatestPath(string lakeRoot, string model) => Path.Combine(Folder(lakeRoot, model), "latest.json");

    /// <summary>Writes the files; returns the HTML page's path.</summary>
    public static string Write(string lakeRoot, DriftReport report)
    {
        var folder = Folder(lakeRoot, report.Model);
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, $"v{report.Version}-{report.WindowFrom:yyyyMMdd}-{report.WindowTo:yyyyMMdd}");
        WriteAtomically(stem + ".csv", Csv(report));
        WriteAtomically(stem + ".html", Html(report));
        WriteAtomically(LatestPath(lakeRoot, report.Model), JsonSerializer.Serialize(report, Json));
        return stem + ".html";
    }

    public static DriftReport? ReadLatest(string lakeRoot, string model)
    {
        var path = LatestPath(lakeRoot, model);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<DriftReport>(File.ReadAllText(path), Json) : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    private static string Csv(DriftReport report)
    {
        var text = new StringBuilder("column,kind,psi,level,reference_rows,window_rows,reference_mean,window_mean\n");
        foreach (var c in report.Columns)
        {
            text.Append(CultureInfo.InvariantCulture, $"{c.Name},{c.Kind},{c.Psi:0.#####},{c.Level.ToString().ToUpperInvariant()},{c.ReferenceCount},{c.CurrentCount},{c.ReferenceMean:0.#####},{c.CurrentMean:0.#####}\n");
        }

        return text.ToString();
    }

    private static string Html(DriftReport report)
    {
        var rows = new StringBuilder();
        foreach (var c in report.Columns.OrderByDescending(c => double.IsNaN(c.Psi) ? -1 : c.Psi))
        {
            var colour = c.Level switch { DriftLevel.Alert => "#f8d7da", DriftLevel.Warn => "#fff3cd", _ => "#d1e7dd" };
            var width = double.IsNaN(c.Psi) ? 0 : Math.Min(300, c.Psi * 600);
            rows.Append(CultureInfo.InvariantCulture,
                $"<tr style=\"background:{colour}\"><td>{WebUtility.HtmlEncode(c.Name)}</td><td>{c.Kind}</td><td>{c.Psi:0.000}</td><td><div style=\"background:#555;height:10px;width:{width:0}px\"></div></td><td>{c.Level.ToString().ToUpperInvariant()}</td><td>{c.ReferenceCount:N0}</td><td>{c.CurrentCount:N0}</td><td>{c.ReferenceMean:0.###}</td><td>{c.CurrentMean:0.###}</td></tr>\n");
        }

        return string.Create(CultureInfo.InvariantCulture, $"""
            <!doctype html><html><head><meta charset="utf-8"><title>Drift: {report.Model} v{report.Version}</title>
            {Style}</head><body>
            <h1>Drift: {report.Model} v{report.Version} — {report.Level.ToString().ToUpperInvariant()}</h1>
            <p>Window {report.WindowFrom:yyyy-MM-dd HH:mm}..{report.WindowTo:yyyy-MM-dd HH:mm} against the training window {report.ReferenceFrom:yyyy-MM-dd}..{report.ReferenceTo:yyyy-MM-dd}.
            Population stability index per column: OK &lt; 0.1 ≤ WARN &lt; 0.25 ≤ ALERT (windows under {DriftMonitor.MinimumRows} rows and calendar columns, hour and weekday, never set the level). Computed {report.ComputedAt:yyyy-MM-dd HH:mm} UTC.</p>
            <table><tr><th>column</th><th>kind</th><th>PSI</th><th></th><th>level</th><th>reference rows</th><th>window rows</th><th>reference mean</th><th>window mean</th></tr>
            {rows}</table></body></html>
            """);
    }

    private const string Style = "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{padding:4px 10px;border-bottom:1px solid #ccc;text-align:left}</style>";

    private static void WriteAtomically(string path, string text) => AtomicFile.WriteAllText(path, text, temporaryPath: path + ".tmp");
}
