namespace EAmazing.BusinessModels.Segmentation.Features;

/// <summary>
/// The fitted transformation of the training snapshot: per column its shape, its cap (the <see cref="SegmentColumns.CapQuantile"/>
/// of the shaped values) and the mean and standard deviation used to standardise. Stored with the model so scoring a
/// later snapshot uses the training snapshot's scale, not its own.
/// </summary>
public sealed record FeatureTransform(IReadOnlyList<SegmentColumn> Columns, double[] Caps, double[] Means, double[] Deviations)
{
    public static FeatureTransform Fit(IReadOnlyList<SegmentColumn> columns, double[][] raw)
    {
        var d = columns.Count;
        var caps = new double[d];
        var means = new double[d];
        var deviations = new double[d];
        var values = new double[raw.Length];
        for (var j = 0; j < d; j++)
        {
            for (var i = 0; i < raw.Length; i++)
            {
                values[i] = Shape(columns[j].Shape, raw[i][j]);
            }

            Array.Sort(values);
            caps[j] = values.Length == 0 ? 0 : values[(int)Math.Min(values.Length - 1, Math.Floor(SegmentColumns.CapQuantile * (values.Length - 1)))];
            double sum = 0, squares = 0;
            foreach (var v in values)
            {
                var c = Math.Min(v, caps[j]);
                sum += c;
                squares += c * c;
            }

            means[j] = values.Length == 0 ? 0 : sum / values.Length;
            var variance = values.Length == 0 ? 0 : (squares / values.Length) - (means[j] * means[j]);

            // A constant column carries no information; a unit deviation keeps it at 0 rather than dividing by 0.
            deviations[j] = variance > 1e-12 ? Math.Sqrt(variance) : 1;
        }

        return new FeatureTransform(columns, caps, means, deviations);
    }

    public double[] Apply(double[] raw)
    {
        var x = new double[raw.Length];
        for (var j = 0; j < raw.Length; j++)
        {
            x[j] = (Math.Min(Shape(Columns[j].Shape, raw[j]), Caps[j]) - Means[j]) / Deviations[j];
        }

        return x;
    }

    /// <summary>Standardises values already shaped and capped (centroids carried from another transform).</summary>
    public double[] StandardiseShaped(double[] shaped) => [.. shaped.Select((v, j) => (v - Means[j]) / Deviations[j])];

    public double[][] Apply(double[][] raw) => raw.Select(Apply).ToArray();

    private static double Shape(ColumnShape shape, double value)
    {
        var v = double.IsFinite(value) ? Math.Max(0, value) : 0;
        return shape == ColumnShape.Log1p ? Math.Log(1 + v) : v;
    }
}
