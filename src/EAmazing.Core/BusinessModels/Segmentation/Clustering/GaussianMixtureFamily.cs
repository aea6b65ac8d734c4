namespace EAmazing.BusinessModels.Segmentation.Clustering;

/// <summary>Gaussian mixture by EM, diagonal or full covariance; a row goes to its most probable component.</summary>
public sealed class GaussianMixtureFamily(CovarianceType type) : IClusteringFamily
{
    public string Name => Type == CovarianceType.Full ? "gmm-full" : "gmm-diag";

    public CovarianceType Type { get; } = type;

    public bool IsBaseline => false;

    public FittedClustering Fit(ClusteringData data, int k, ulong seed) => GaussianMixture.Fit(data.Points, k, Type, seed, family: Name);
}
