using EAmazing.Foundation.Randomness;
using EAmazing.Foundation.Statistics;

namespace EAmazing.BusinessModels.Segmentation.Quality;

/// <summary>A percentile bootstrap interval of an agreement measure over users (pairs of segment and persona resampled together), seeded.</summary>
public static class AgreementInterval
{
    public static ConfidenceInterval Of(int[] segments, int[] truth, Func<IReadOnlyList<int>, IReadOnlyList<int>, double> measure, int resamples, ulong seed)
    {
        var estimate = measure(segments, truth);
        var rng = Xoshiro256.For(seed, 0xA81);
        var values = new double[resamples];
        var a = new int[segments.Length];
        var b = new int[segments.Length];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < a.Length; i++)
            {
                var pick = rng.NextInt(a.Length);
                a[i] = segments[pick];
                b[i] = truth[pick];
            }

            values[r] = measure(a, b);
        }

        Array.Sort(values);
        return new ConfidenceInterval(estimate, Quantile(values, 0.025), Quantile(values, 0.975));
    }

    private static double Quantile(double[] sorted, double q)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }
}
