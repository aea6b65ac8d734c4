using EAmazing.Foundation.Statistics;
using EAmazing.Models.Lab;
using ScottPlot;

namespace EAmazing.Models.Reporting;

/// <summary>The lab report's charts, as PNG bytes (ScottPlot).</summary>
public static class LabPlots
{
    private const int Width = 640;
    private const int Height = 440;

    public static byte[] Roc(LabResult result)
    {
        var plot = new Plot();
        foreach (var family in result.Families)
        {
            var curve = Thin(BinaryMetrics.RocCurve(family.TestScores));
            var line = plot.Add.ScatterLine(curve.Select(p => p.Item1).ToArray(), curve.Select(p => p.Item2).ToArray());
            line.LegendText = $"{family.Family} ({family.Test.RocAuc.Estimate:0.000})";
            line.Color = FamilyColours.Of(family.Family);
        }

        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.Color = Colors.Gray;
        return Finish(plot, "ROC curves (test window)", "false positive rate", "true positive rate");
    }

    public static byte[] PrecisionRecall(LabResult result)
    {
        var plot = new Plot();
        foreach (var family in result.Families)
        {
            var curve = Thin(BinaryMetrics.PrecisionRecallCurve(family.TestScores));
            var line = plot.Add.ScatterLine(curve.Select(p => p.Item1).ToArray(), curve.Select(p => p.Item2).ToArray());
            line.LegendText = $"{family.Family} ({family.Test.PrAuc.Estimate:0.000})";
            line.Color = FamilyColours.Of(family.Family);
        }

        return Finish(plot, "Precision–recall (test window)", "recall", "precision");
    }

    /// <summary>Reliability diagram of every family on the test window, of its calibrated scores or (<paramref name="raw"/>) of its scores before calibration.</summary>
    public static byte[] Calibration(LabResult result, bool raw = false)
    {
        var plot = new Plot();
        foreach (var family in result.Families.Where(f => !f.IsBaseline || f.Family == "onerule"))
        {
            var scores = raw ? family.RawTestScores : family.TestScores;
            var bins = BinaryMetrics.CalibrationBins(scores);
            var line = plot.Add.Scatter(bins.Select(b => b.MeanProbability).ToArray(), bins.Select(b => b.ObservedRate).ToArray());
            line.LegendText = $"{family.Family} (ECE {BinaryMetrics.ExpectedCalibrationError(scores):0.000})";
            line.Color = FamilyColours.Of(family.Family);
        }

        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.Color = Colors.Gray;
        return Finish(plot, raw ? "Calibration before (raw scores, test window)" : "Calibration after (validation-fitted, test window)", "mean predicted probability", "observed rate");
    }

    public static byte[] Importance(LabResult result)
    {
        var plot = new Plot();
        var top = result.Importance.Take(15).Reverse().ToArray();
        var bars = plot.Add.Bars(top.Select(i => i.AucDrop).ToArray());
        bars.Color = FamilyColours.Of(result.Best.Family);
        bars.Horizontal = true;
        plot.Axes.Left.SetTicks(Enumerable.Range(0, top.Length).Select(i => (double)i).ToArray(), top.Select(i => i.Feature).ToArray());
        plot.Title($"Permutation importance: {result.Best.Family}");
        plot.Axes.Bottom.Label.Text = "AUC drop when the feature is shuffled";
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static byte[] Finish(Plot plot, string title, string x, string y)
    {
        plot.Title(title);
        plot.Axes.Bottom.Label.Text = x;
        plot.Axes.Left.Label.Text = y;
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.ShowLegend(Alignment.LowerRight);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>At most ~400 points per curve keeps the PNGs small without changing their shape.</summary>
    private static IReadOnlyList<(double, double)> Thin(IReadOnlyList<(double, double)> points)
    {
        if (points.Count <= 400)
        {
            return points;
        }

        var step = points.Count / 400.0;
        return Enumerable.Range(0, 400).Select(i => points[(int)(i * step)]).Append(points[^1]).ToList();
    }
}
