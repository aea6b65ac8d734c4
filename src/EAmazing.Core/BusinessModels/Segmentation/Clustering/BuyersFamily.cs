namespace EAmazing.BusinessModels.Segmentation.Clustering;

/// <summary>Baseline: buyers (any purchase in the history) vs non-buyers, the split a zero-inflated RFM clustering mostly rediscovers.</summary>
public sealed class BuyersFamily : IClusteringFamily
{
    public const string FamilyName = "buyers";

    public string Name => FamilyName;

    public bool IsBaseline => true;

    public int? FixedK => 2;

    public FittedClustering Fit(ClusteringData data, int k, ulong seed) => new Split(Name);

    private sealed class Split(string family) : FittedClustering(family, 2)
    {
        public override int[] Assign(ClusteringData data) => [.. data.Profile.Frequency.Select(f => f > 0 ? 1 : 0)];
    }
}
