namespace EAmazing.BusinessModels.Segmentation.Clustering;

/// <summary>A fitted segmentation: it assigns any row (of the same standardised columns) to one of its K segments.</summary>
public abstract class FittedClustering(string family, int k)
{
    public string Family { get; } = family;

    public int K { get; } = k;

    /// <summary>The Bayesian information criterion, for families with a likelihood (the mixture); null otherwise.</summary>
    public virtual double? Bic => null;

    public abstract int[] Assign(ClusteringData data);
}
