using System.Globalization;
using System.Net;
using System.Text;
using ScottPlot;

namespace EAmazing.BusinessModels.EmergingCategories;

/// <summary>The report of a detection: the ranked flags and, per flagged category, its daily views and share with the detected start.</summary>
public static class EmergingCategoriesReport
{
    public static string Write(string directory, EmergenceHistory history, DateOnly asOf, IReadOnlyList<EmergenceFlag> flags)
    {
        Directory.CreateDirectory(directory);
        var flagged = flags.Where(f => f.Flagged).ToList();
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>e-amazing: emerging categories as of {asOf:yyyy-MM-dd}</title>
            <style>body{"{"}font-family:sans-serif;margin:2em{"}"} table{"{"}border-collapse:collapse{"}"} td,th{"{"}border:1px solid #ccc;padding:4px 8px;text-align:right{"}"}</style></head><body>
            <h1>Emerging categories and launches as of {asOf:yyyy-MM-dd}</h1>
            <p>{flagged.Count} flagged of {flags.Count} categories, on {history.IndexOf(asOf) + 1} days from {history.First:yyyy-MM-dd}. A category is judged by its share of the store's daily views.</p>
            <table><tr><th>category</th><th>top level</th><th>signal</th><th>score</th><th>growth / month</th><th>start</th><th>trend z</th><th>views last week</th></tr>
            """);
        foreach (var f in flagged)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{Enc(f.CategoryKey)}</td><td>{Enc(f.TopCategory)}</td><td>{f.Signal.ToString().ToLowerInvariant()}</td><td>{f.Score:0.0}</td><td>{f.GrowthPerMonth:0.00}×</td><td>{f.Start:yyyy-MM-dd}</td><td>{f.TrendZ:0.0}</td><td>{f.ViewsLastWeek:N0}</td></tr>");
        }

        html.Append("</table>");
        foreach (var f in flagged)
        {
            var file = $"category-{f.CategoryKey}.png";
            File.WriteAllBytes(Path.Combine(directory, file), Chart(history, asOf, f));
            html.Append(CultureInfo.InvariantCulture, $"<h2>{Enc(f.CategoryKey)} ({Enc(f.TopCategory)}): {f.Signal.ToString().ToLowerInvariant()}</h2><p><img src=\"{file}\" alt=\"daily views of {Enc(f.CategoryKey)} with the detected start\"></p>");
        }

        html.Append("</body></html>");
        var path = Path.Combine(directory, "index.html");
        File.WriteAllText(path, html.ToString());
        return path;
    }

    private static byte[] Chart(EmergenceHistory history, DateOnly asOf, EmergenceFlag flag)
    {
        var category = history.Categories.First(c => c.CategoryKey == flag.CategoryKey);
        var last = history.IndexOf(asOf);
        var days = Enumerable.Range(0, last + 1).Select(d => (double)d).ToArray();
        var plot = new Plot();
        var views = plot.Add.ScatterLine(days, category.Views[..(last + 1)]);
        views.LegendText = "views per day";
        views.Color = Colors.Black;
        var start = plot.Add.VerticalLine(history.IndexOf(flag.Start));
        start.LegendText = $"detected start {flag.Start:yyyy-MM-dd}";
        start.Color = Colors.OrangeRed;
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"{flag.CategoryKey}: {flag.Signal.ToString().ToLowerInvariant()}, {flag.GrowthPerMonth:0.00}× per month (day 0 = {history.First:yyyy-MM-dd})"));
        plot.Axes.Bottom.Label.Text = "day";
        plot.Axes.Left.Label.Text = "views";
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetImageBytes(720, 400, ImageFormat.Png);
    }

    private static string Enc(string text) => WebUtility.HtmlEncode(text);
}
