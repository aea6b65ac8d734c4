using EAmazing.BusinessModels.Segmentation.Clustering;
using EAmazing.BusinessModels.Segmentation.Features;
using EAmazing.Foundation.Randomness;

namespace EAmazing.Core.Tests.BusinessModels.Segmentation;

/// <summary>Seeded Gaussian blobs: well-separated "personas" with known labels, in the standardised space the families see.</summary>
internal static class Blobs
{
    public static (ClusteringData Data, int[] Truth) Make(int k, int perBlob, int dimension, double separation, ulong seed)
    {
        var rng = Xoshiro256.For(seed, 0xB10B);
        var centres = Enumerable.Range(0, k).Select(c => Enumerable.Range(0, dimension).Select(j => j == c % dimension ? separation * (1 + (c / dimension)) : 0.0).ToArray()).ToArray();
        var points = new List<double[]>();
        var truth = new List<int>();
        for (var c = 0; c < k; c++)
        {
            for (var i = 0; i < perBlob; i++)
            {
                points.Add([.. centres[c].Select(m => m + rng.NextGaussian())]);
                truth.Add(c);
            }
        }

        var profile = new ProfileColumns(points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            profile.Read(i, [0.0, (double)(truth[i] % 2), 10.0 * truth[i], 0.0, 0.0, "x", 0.0, 0.0, 0.0, 0.0], 0);
        }

        return (new ClusteringData([.. points], profile), [.. truth]);
    }
}
