namespace EAmazing.BusinessModels.Segmentation.Clustering;

/// <summary>One way of cutting customers into k segments, fitted on standardised snapshot rows under a seed.</summary>
public interface IClusteringFamily
{
    string Name { get; }

    /// <summary>A baseline is compared with, never chosen.</summary>
    bool IsBaseline { get; }

    /// <summary>The only k it makes (buyers vs non-buyers: 2), or null when any k is possible.</summary>
    int? FixedK => null;

    /// <exception cref="ArgumentException">k is not possible on these rows.</exception>
    FittedClustering Fit(ClusteringData data, int k, ulong seed);
}
