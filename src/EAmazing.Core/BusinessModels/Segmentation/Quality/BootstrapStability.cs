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
    public static double[] PerSegment(IClusteringFamily family, ClusteringData data, int[] labels, int k, int resamples, ulong seed) =>
        Means(Resampled(family, data, labels, k, resamples, seed), k);

    /// <summary>Mean Jaccard per segment over the given resamples' values (NaN where a segment was never counted).</summary>
    public static double[] Means(IReadOnlyList<double[]> perResample, int k) =>
        [.. Enumerable.Range(0, k).Select(c => perResample.Select(v => v[c]).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average())];

    /// <summary>
    /// Interval of the least stable segment's mean Jaccard: the refits' Jaccard vectors resampled with replacement
    /// (seeded), the minimum of the per-segment means taken each time, the 2.5 % and 97.5 % quantiles kept. It shows
    /// how far the estimate moves with the finite number of refits; it does not cover other data.
    /// </summary>
    public static Foundation.Statistics.ConfidenceInterval MinInterval(IReadOnlyList<double[]> perResample, int k, int resamples, ulong seed)
    {
        static double Min(double[] means) => means.Where(double.IsFinite).DefaultIfEmpty(0).Min();
        var estimate = Min(Means(perResample, k));
        if (perResample.Count == 0)
        {
            return new(estimate, double.NaN, double.NaN);
        }

        var rng = Xoshiro256.For(seed, 0x57AB);
        var values = new double[resamples];
        var drawn = new double[perResample.Count][];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < drawn.Length; i++)
            {
                drawn[i] = perResample[rng.NextInt(perResample.Count)];
            }

            values[r] = Min(Means(drawn, k));
        }

        return AgreementInterval.Percentile(estimate, values);
    }

    /// <summary>For each refit that succeeded, the best Jaccard of every original segment (NaN: not in that resample), in label order.</summary>
    public static IReadOnlyList<double[]> Resampled(IClusteringFamily family, ClusteringData data, int[] labels, int k, int resamples, ulong seed)
    {
        var n = data.Count;
        var all = new List<double[]>();
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

            var best = new double[k];
            Array.Fill(best, double.NaN);
            for (var c = 0; c < k; c++)
            {
                var members = inResample.Keys.Where(i => labels[i] == c).ToHashSet();
                if (members.Count == 0)
                {
                    continue;
                }

                best[c] = 0;
                foreach (var group in inResample.GroupBy(p => p.Value))
                {
                    var intersection = group.Count(p => members.Contains(p.Key));
                    var union = members.Count + group.Count() - intersection;
                    best[c] = Math.Max(best[c], intersection / (double)union);
                }
            }

            all.Add(best);
        }

        return all;
    }

    private static ulong StableHashSeed(ulong seed, int resample) => StableHash.Mix(seed, 0x5EED, (ulong)resample);
}
