using EAmazing.BusinessModels.Segmentation.Features;

namespace EAmazing.BusinessModels.Segmentation.Clustering;

/// <summary>The rows a family clusters: standardised points, and the raw RFM columns the rule-based baselines read.</summary>
public sealed record ClusteringData(double[][] Points, ProfileColumns Profile)
{
    public int Count => Points.Length;

    public int Dimension => Points.Length == 0 ? 0 : Points[0].Length;

    public ClusteringData Subset(IReadOnlyList<int> indices) => new(indices.Select(i => Points[i]).ToArray(), Profile.Subset(indices));
}
