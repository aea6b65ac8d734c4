using System.Net;
using EAmazing.Foundation.Files;

namespace EAmazing.Cli;

/// <summary>
/// Stamps a training report with where it came from (the lake and the registry, as absolute paths, and the version),
/// so a report read on its own says which data it describes. Inserted by the CLI, which alone knows the folders it was given.
/// </summary>
public static class ReportProvenance
{
    private const string Marker = "<p class=\"provenance\">";

    public static void Stamp(string reportPath, string lake, string registry, string version)
    {
        var html = File.ReadAllText(reportPath);
        if (html.Contains(Marker, StringComparison.Ordinal))
        {
            return;
        }

        var line = $"{Marker}{WebUtility.HtmlEncode(version)}: trained on the lake at <code>{WebUtility.HtmlEncode(Path.GetFullPath(lake))}</code>, "
            + $"registered in <code>{WebUtility.HtmlEncode(Path.GetFullPath(registry))}</code>.</p>";
        var body = html.IndexOf("<body>", StringComparison.OrdinalIgnoreCase);
        var stamped = body < 0 ? line + html : html.Insert(body + "<body>".Length, line);
        AtomicFile.WriteAllText(reportPath, stamped);
    }
}
