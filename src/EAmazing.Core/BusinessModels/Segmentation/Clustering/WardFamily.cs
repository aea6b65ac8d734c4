using EAmazing.Foundation.Randomness;

namespace EAmazing.BusinessModels.Segmentation.Clustering;

/// <summary>
/// Agglomerative Ward clustering on a seeded sample (its n² distances must fit in memory), cut at k; every row,
/// sampled or not, then goes to the nearest of the k sample centroids.
/// </summary>
public sealed class WardFamily(int sampleSize = 2000) : IClusteringFamily
{
    public const string FamilyName = "ward";

    public string Name => FamilyName;

    public bool IsBaseline => false;

    public int SampleSize { get; } = sampleSize;

    public FittedClustering Fit(ClusteringData data, int k, ulong seed)
    {
        var sample = Sample(data.Count, SampleSize, seed).Select(i => data.Points[i]).ToArray();
        var labels = WardLinkage.Cut(sample, k);
        return new CentroidClustering(Name, Distances.Centroids(sample, labels, k));
    }

    /// <summary>Sorted row indices of a seeded sample without replacement (all rows when there are few).</summary>
    public static int[] Sample(int count, int size, ulong seed)
    {
        if (count <= size)
        {
            return [.. Enumerable.Range(0, count)];
        }

        // Partial Fisher–Yates: the first `size` of a seeded shuffle.
        var rng = Xoshiro256.For(seed, 0x3A4D);
        var indices = Enumerable.Range(0, count).ToArray();
        for (var i = 0; i < size; i++)
        {
            var j = i + rng.NextInt(count - i);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }

        return [.. indices.Take(size).Order()];
    }
}
