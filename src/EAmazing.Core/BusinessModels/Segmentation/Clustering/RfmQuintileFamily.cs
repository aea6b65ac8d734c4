namespace EAmazing.BusinessModels.Segmentation.Clustering;

/// <summary>
/// Baseline: classic RFM scoring. Recency, frequency and monetary value each score 1..5 by the quintiles of the fitted
/// rows (recent is 5), and the total score (3..15) is cut into k groups at its own quantiles. On zero-inflated data
/// ties make some groups empty: that is the baseline's known weakness, shown as it is.
/// </summary>
public sealed class RfmQuintileFamily : IClusteringFamily
{
    public const string FamilyName = "rfm-quintiles";

    public string Name => FamilyName;

    public bool IsBaseline => true;

    public FittedClustering Fit(ClusteringData data, int k, ulong seed)
    {
        var profile = data.Profile;
        var recency = Edges(profile.Recency, 5);
        var frequency = Edges(profile.Frequency, 5);
        var monetary = Edges(profile.Monetary, 5);
        var fitted = new Rules(Name, k, recency, frequency, monetary, []);
        var cuts = Edges(fitted.Scores(data), k);
        return new Fitted(fitted with { Cuts = cuts });
    }

    /// <summary>The (groups − 1) inner quantiles of <paramref name="values"/>.</summary>
    private static double[] Edges(IReadOnlyList<double> values, int groups)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? [] : [.. Enumerable.Range(1, groups - 1).Select(q => sorted[(int)Math.Floor(q * (sorted.Length - 1) / (double)groups)])];
    }

    private sealed record Rules(string Family, int K, double[] Recency, double[] Frequency, double[] Monetary, double[] Cuts)
    {
        public double[] Scores(ClusteringData data) =>
        [
            .. Enumerable.Range(0, data.Count).Select(i =>
                (double)(6 - Score(data.Profile.Recency[i], Recency)) + Score(data.Profile.Frequency[i], Frequency) + Score(data.Profile.Monetary[i], Monetary)),
        ];

        private static int Score(double value, double[] edges) => 1 + edges.Count(e => value > e);
    }

    private sealed class Fitted(Rules rules) : FittedClustering(rules.Family, rules.K)
    {
        public override int[] Assign(ClusteringData data) => [.. rules.Scores(data).Select(s => rules.Cuts.Count(c => s > c))];
    }
}
