using EAmazing.BusinessModels.Segmentation.Clustering;
using EAmazing.Foundation.Randomness;

namespace EAmazing.BusinessModels.Segmentation.Quality;

/// <summary>
/// Hennig's clusterboot: refit the family on bootstrap resamples of the rows; each original segment's stability is
/// the mean, over resamples, of its best Jaccard similarity with a segment of the refit (on the distinct rows the
/// resample holds). A segment is trusted at a mean Jaccard of at least <see cref="Trusted"/>; one under 0.5 is dissolved.
/// </summary>
public static class BootstrapStability
{
    public const double Trusted = 0.75;

    /// <summary>Mean Jaccard per segment of <paramref name="labels"/> (the family fitted on <paramref name="data"/>), in label order; NaN for an empty segment.</summary>
    public static double[] PerSegment(IClusteringFamily family, ClusteringData data, int[] labels, int k, int resamples, ulong seed)
    {
        var n = data.Count;
        var sums = new double[k];
        var counted = new int[k];
        for (var r = 0; r < resamples; r++)
        {
            var rng = Xoshiro256.For(seed, 0xC1B007, (ulong)r);
            var draw = new int[n];
            for (var i = 0; i < n; i++)
            {
                draw[i] = rng.NextInt(n);
            }

            var resample = data.Subset(draw);
            int[] refit;
            try
            {
                refit = family.Fit(resample, k, StableHashSeed(seed, r)).Assign(resample);
            }
            catch (ArgumentException)
            {
                continue;
            }

            // Distinct rows of the resample with their refit segment (a row drawn twice lies in one segment).
            var inResample = new Dictionary<int, int>();
            for (var i = 0; i < n; i++)
            {
                inResample[draw[i]] = refit[i];
            }

            for (var c = 0; c < k; c++)
            {
                var members = inResample.Keys.Where(i => labels[i] == c).ToHashSet();
                if (members.Count == 0)
                {
                    continue;
                }

                double best = 0;
                foreach (var group in inResample.GroupBy(p => p.Value))
                {
                    var intersection = group.Count(p => members.Contains(p.Key));
                    var union = members.Count + group.Count() - intersection;
                    best = Math.Max(best, intersection / (double)union);
                }

                sums[c] += best;
                counted[c]++;
            }
        }

        return [.. sums.Select((s, c) => counted[c] == 0 ? double.NaN : s / counted[c])];
    }

    private static ulong StableHashSeed(ulong seed, int resample) => StableHash.Mix(seed, 0x5EED, (ulong)resample);
}
