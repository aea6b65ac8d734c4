namespace EAmazing.Models.Data;

/// <summary>
/// Rows of numeric features with a binary label and the time each row was observed (its as-of time),
/// the form every model family trains on. Missing values arrive as <see cref="float.NaN"/>.
/// </summary>
public sealed class TabularDataset
{
    public TabularDataset(IReadOnlyList<string> featureNames, IReadOnlyList<float[]> features, IReadOnlyList<bool> labels, IReadOnlyList<DateTime> asOf)
    {
        if (features.Count != labels.Count || features.Count != asOf.Count)
        {
            throw new ArgumentException("features, labels and as-of times must have the same length");
        }

        if (features.Any(f => f.Length != featureNames.Count))
        {
            throw new ArgumentException($"every row must have {featureNames.Count} features");
        }

        FeatureNames = featureNames;
        Features = features;
        Labels = labels;
        AsOf = asOf;
    }

    public IReadOnlyList<string> FeatureNames { get; }

    public IReadOnlyList<float[]> Features { get; }

    public IReadOnlyList<bool> Labels { get; }

    public IReadOnlyList<DateTime> AsOf { get; }

    public int Count => Labels.Count;

    public double PositiveRate => Count == 0 ? double.NaN : Labels.Count(l => l) / (double)Count;

    public TabularDataset Where(Func<int, bool> keep)
    {
        var rows = Enumerable.Range(0, Count).Where(keep).ToArray();
        return new TabularDataset(FeatureNames, rows.Select(i => Features[i]).ToArray(), rows.Select(i => Labels[i]).ToArray(), rows.Select(i => AsOf[i]).ToArray());
    }

    /// <summary>A copy with one feature column replaced (used for permutation importance).</summary>
    public TabularDataset WithColumn(int column, IReadOnlyList<float> values) =>
        new(FeatureNames, Features.Select((row, i) =>
        {
            var copy = (float[])row.Clone();
            copy[column] = values[i];
            return copy;
        }).ToArray(), Labels, AsOf);
}
