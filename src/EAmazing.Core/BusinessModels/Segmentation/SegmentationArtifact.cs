using System.Text.Json;
using EAmazing.BusinessModels.Segmentation.Clustering;
using EAmazing.BusinessModels.Segmentation.Features;
using EAmazing.Models.Registry;

namespace EAmazing.BusinessModels.Segmentation;

/// <summary>
/// A registered segmentation, as stored beside its card (<c>segmentation.json</c>): the fitted transform, the chosen
/// family's parameters, each segment's centroid (standardised), its stable identity across retrains and its name.
/// Holds no person's data.
/// </summary>
public sealed record SegmentationArtifact
{
    public const string FileName = "segmentation.json";

    public required string Family { get; init; }

    public required DateTime SnapshotTime { get; init; }

    public required FeatureTransform Transform { get; init; }

    /// <summary>Centroid of each segment (by label), in the standardised space of <see cref="Transform"/>.</summary>
    public required double[][] Centroids { get; init; }

    /// <summary>Stable identity of each label: the same customers' segment keeps its id across retrains.</summary>
    public required int[] SegmentIds { get; init; }

    public required string[] Names { get; init; }

    public double[]? MixtureWeights { get; init; }

    public double[][]? MixtureMeans { get; init; }

    public double[][][]? MixtureCovariances { get; init; }

    public double MixturePrior { get; init; }

    public static SegmentationArtifact Read(string folder) =>
        JsonSerializer.Deserialize<SegmentationArtifact>(File.ReadAllText(Path.Combine(folder, FileName)), ModelRegistry.Json)
        ?? throw new InvalidDataException($"{Path.Combine(folder, FileName)} is empty");

    public void Write(string folder) => File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, ModelRegistry.Json));

    /// <summary>The stored model, ready to assign rows standardised with <see cref="Transform"/>.</summary>
    public FittedClustering Model() => MixtureWeights is { } weights && MixtureMeans is { } means && MixtureCovariances is { } covariances
        ? GaussianMixture.FromParameters(Family, Family == "gmm-full" ? CovarianceType.Full : CovarianceType.Diagonal, weights, means, covariances, MixturePrior)
        : new CentroidClustering(Family, Centroids);
}
