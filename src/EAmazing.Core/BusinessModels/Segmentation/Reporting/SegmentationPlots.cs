using EAmazing.BusinessModels.Segmentation.Quality;
using EAmazing.BusinessModels.Segmentation.Profiles;
using ScottPlot;

namespace EAmazing.BusinessModels.Segmentation.Reporting;

/// <summary>The segmentation report's charts, as PNG bytes (ScottPlot).</summary>
public static class SegmentationPlots
{
    private const int Width = 640;
    private const int Height = 420;

    /// <summary>A metric against k, one line per family that has more than one k.</summary>
    public static byte[] MetricByK(SegmentationResult result, Func<Selection.CandidateResult, double> metric, string title)
    {
        var plot = new Plot();
        foreach (var family in result.Candidates.GroupBy(c => c.Family).Where(g => g.Count() > 1))
        {
            var points = family.Where(c => double.IsFinite(metric(c))).OrderBy(c => c.K).ToList();
            var line = plot.Add.Scatter(points.Select(c => (double)c.K).ToArray(), points.Select(metric).ToArray());
            line.LegendText = family.Key;
        }

        plot.Title(title);
        plot.Axes.Bottom.Label.Text = "k";
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>
    /// The migration matrix as a heatmap: per segment before (rows), the share of its people found in each segment after
    /// (columns). Cells of fewer than <paramref name="minGroupSize"/> people (but not none) are left blank and labelled
    /// <c>&lt;k</c>, as in the table (k-anonymity).
    /// </summary>
    public static byte[] Migration(Identity.MigrationMatrix migration, int minGroupSize)
    {
        var n = migration.Segments.Count;
        var shares = new double[n, n];
        var plot = new Plot();
        for (var a = 0; a < n; a++)
        {
            var row = Enumerable.Range(0, n).Sum(b => migration.People[a, b]);
            for (var b = 0; b < n; b++)
            {
                var people = migration.People[a, b];
                shares[a, b] = people > 0 && people < minGroupSize ? double.NaN : row == 0 ? 0 : people / (double)row;
            }
        }

        var map = plot.Add.Heatmap(shares);
        map.ManualRange = new ScottPlot.Range(0, 1);
        plot.Add.ColorBar(map).Label = "share of the segment before";
        double[] positions = [.. Enumerable.Range(0, n).Select(i => (double)i)];
        string[] labels = [.. migration.Segments.Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                // Heatmap row 0 is drawn at the top: cell (a, b) is centred on x = b, y = n - 1 - a.
                var text = plot.Add.Text(double.IsNaN(shares[a, b]) ? "<" + minGroupSize : shares[a, b].ToString("P0", System.Globalization.CultureInfo.InvariantCulture), b, n - 1 - a);
                text.LabelFontColor = double.IsNaN(shares[a, b]) || shares[a, b] > 0.6 ? Colors.Black : Colors.White; // a blank (suppressed) cell is white
                text.LabelAlignment = Alignment.MiddleCenter;
            }
        }

        plot.Axes.Bottom.SetTicks(positions, labels);
        plot.Axes.Left.SetTicks(positions, [.. labels.Reverse()]);
        plot.Axes.Bottom.Label.Text = $"segment on {migration.To:yyyy-MM-dd}";
        plot.Axes.Left.Label.Text = $"segment on {migration.From:yyyy-MM-dd}";
        plot.Title($"Migration {migration.From:yyyy-MM-dd} → {migration.To:yyyy-MM-dd}: {migration.Stayed:P1} stayed");
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    public static byte[] StabilityPerSegment(SegmentationResult result)
    {
        var plot = new Plot();
        var chosen = result.Chosen;
        var bars = chosen.Stability.Select((s, label) => new Bar { Position = result.SegmentIds[label], Value = double.IsFinite(s) ? s : 0 }).ToArray();
        plot.Add.Bars(bars);
        var line = plot.Add.HorizontalLine(BootstrapStability.Trusted);
        line.LinePattern = LinePattern.Dashed;
        plot.Title($"Bootstrap stability per segment ({chosen.Family}, k = {chosen.K}); trusted at {BootstrapStability.Trusted}");
        plot.Axes.Bottom.Label.Text = "segment";
        plot.Axes.Left.Label.Text = "mean Jaccard";
        plot.Axes.SetLimitsY(0, 1.05);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>The silhouette sample on its first two principal components, coloured by segment (no person is identifiable from a dot).</summary>
    public static byte[] Projection2D(SegmentationResult result, double[][] sample, int[] labels)
    {
        var plot = new Plot();
        for (var label = 0; label < result.Chosen.K; label++)
        {
            var points = sample.Where((_, i) => labels[i] == label).Select(p => Projection.Apply(p, result.Projection)).ToArray();
            if (points.Length == 0)
            {
                continue;
            }

            var scatter = plot.Add.ScatterPoints(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
            scatter.MarkerSize = 3;
            scatter.LegendText = $"{result.SegmentIds[label]}";
        }

        plot.Title("Segments on the first two principal components (silhouette sample)");
        plot.Axes.Bottom.Label.Text = "PC1";
        plot.Axes.Left.Label.Text = "PC2";
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>Share of people and of revenue per segment; segments under k-anonymity are left out.</summary>
    public static byte[] ProfileBars(IReadOnlyList<SegmentProfile> profiles, int minGroupSize)
    {
        var plot = new Plot();
        var shown = profiles.Where(p => p.People >= minGroupSize).ToList();
        var total = profiles.Sum(p => p.People);
        var people = plot.Add.Bars(shown.Select(p => new Bar { Position = p.SegmentId - 0.2, Value = p.People / (double)Math.Max(1, total), Size = 0.4 }).ToArray());
        people.LegendText = "share of people";
        var revenue = plot.Add.Bars(shown.Select(p => new Bar { Position = p.SegmentId + 0.2, Value = p.RevenueShare, Size = 0.4, FillColor = Colors.Orange }).ToArray());
        revenue.LegendText = "share of revenue";
        plot.Title("People and revenue per segment");
        plot.Axes.Bottom.Label.Text = "segment";
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
