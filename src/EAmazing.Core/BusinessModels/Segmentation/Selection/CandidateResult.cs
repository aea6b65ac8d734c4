using EAmazing.BusinessModels.Segmentation.Clustering;
using EAmazing.Foundation.Statistics;

namespace EAmazing.BusinessModels.Segmentation.Selection;

/// <summary>One family at one k, measured on the same rows as every other candidate.</summary>
/// <param name="Labels">Segment of every row of the snapshot.</param>
/// <param name="Stability">Mean bootstrap Jaccard per segment (NaN: empty in the stability sample).</param>
/// <param name="Ari">Adjusted Rand index vs the world's personas with its bootstrap interval (generated data only).</param>
public sealed record CandidateResult(
    FittedClustering Model,
    bool IsBaseline,
    int[] Labels,
    double Silhouette,
    double DaviesBouldin,
    double CalinskiHarabasz,
    double[] Stability,
    ConfidenceInterval? Ari,
    ConfidenceInterval? Nmi,
    TimeSpan FitTime)
{
    /// <summary>Bootstrap interval of <see cref="Silhouette"/> (its sample's rows resampled); null when not measured.</summary>
    public ConfidenceInterval? SilhouetteInterval { get; init; }

    /// <summary>Bootstrap interval of <see cref="MinStability"/> (the refits resampled); null when not measured.</summary>
    public ConfidenceInterval? MinStabilityInterval { get; init; }

    public string Family => Model.Family;

    public int K => Model.K;

    public double? Bic => Model.Bic;

    /// <summary>The least stable occupied segment's mean Jaccard.</summary>
    public double MinStability => Stability.Where(double.IsFinite).DefaultIfEmpty(0).Min();

    public double MeanStability => Stability.Where(double.IsFinite).DefaultIfEmpty(0).Average();

    /// <summary>Every occupied segment is trusted (mean Jaccard ≥ 0.75, Hennig's threshold).</summary>
    public bool AllTrusted => MinStability >= Quality.BootstrapStability.Trusted;

    public int Occupied => Labels.Distinct().Count();
}
