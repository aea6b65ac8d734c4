namespace EAmazing.Monitoring.Drift;

/// <summary>
/// Population stability index of a current sample against a reference sample:
/// Σ (current% − reference%) · ln(current% / reference%) over bins cut at the reference's deciles.
/// Missing values (NaN) get a bin of their own, since a feature going missing is drift too.
/// </summary>
public static class PopulationStability
{
    public const int DefaultBins = 10;

    // Empty bins would make the logarithm infinite; a floor keeps one empty bin from dominating.
    private const double Floor = 1e-4;

    public static double Index(IReadOnlyList<double> reference, IReadOnlyList<double> current, int bins = DefaultBins)
    {
        if (reference.Count == 0 || current.Count == 0)
        {
            return double.NaN;
        }

        var edges = Edges(reference, bins);
        var expected = Proportions(reference, edges);
        var actual = Proportions(current, edges);
        var psi = 0.0;
        for (var i = 0; i < expected.Length; i++)
        {
            var e = Math.Max(expected[i], Floor);
            var a = Math.Max(actual[i], Floor);
            psi += (a - e) * Math.Log(a / e);
        }

        return psi;
    }

    /// <summary>Distinct inner cut points at the reference's quantiles (discrete features get fewer bins).</summary>
    public static double[] Edges(IReadOnlyList<double> reference, int bins)
    {
        var sorted = reference.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return [];
        }

        return Enumerable.Range(1, bins - 1)
            .Select(i => sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(i * sorted.Length / (double)bins))])
            .Distinct()
            .ToArray();
    }

    /// <summary>Share of values per bin: bin i holds values above i edges, the last bin holds NaN.</summary>
    public static double[] Proportions(IReadOnlyList<double> values, double[] edges)
    {
        var counts = new double[edges.Length + 2];
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                counts[^1]++;
                continue;
            }

            var index = Array.BinarySearch(edges, v);
            // Values equal to an edge belong to the bin the edge closes.
            counts[index >= 0 ? index : ~index]++;
        }

        return counts.Select(c => c / values.Count).ToArray();
    }
}
