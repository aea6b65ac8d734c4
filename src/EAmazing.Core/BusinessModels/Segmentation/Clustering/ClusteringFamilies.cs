namespace EAmazing.BusinessModels.Segmentation.Clustering;

/// <summary>The families segmentation compares side by side, baselines last.</summary>
public static class ClusteringFamilies
{
    public static IReadOnlyList<IClusteringFamily> All { get; } =
    [
        new KMeansFamily(),
        new GaussianMixtureFamily(CovarianceType.Diagonal),
        new GaussianMixtureFamily(CovarianceType.Full),
        new WardFamily(),
        new RfmQuintileFamily(),
        new BuyersFamily(),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(f => f.Name)];

    /// <exception cref="ArgumentException">No family has that name.</exception>
    public static IClusteringFamily Find(string name) =>
        All.FirstOrDefault(f => f.Name == name) ?? throw new ArgumentException($"unknown segmentation family '{name}'; use any of {string.Join(", ", Names)}");
}
