using EAmazing.Foundation.Randomness;

namespace EAmazing.Foundation.Statistics;

/// <summary>Percentile bootstrap over examples with a fixed seed, so intervals are reproducible.</summary>
public static class Bootstrap
{
    public static ConfidenceInterval Interval(
        IReadOnlyList<ScoredExample> examples,
        Func<IReadOnlyList<ScoredExample>, double> metric,
        int resamples = 500,
        ulong seed = 46,
        double level = 0.95) =>
        Interval<ScoredExample>(examples, metric, resamples, seed, level);

    /// <summary>The percentile bootstrap over any items (scored examples, customers, days): the same seed gives the same interval.</summary>
    public static ConfidenceInterval Interval<T>(
        IReadOnlyList<T> items,
        Func<IReadOnlyList<T>, double> metric,
        int resamples = 500,
        ulong seed = 46,
        double level = 0.95) =>
        Intervals(items, [metric], resamples, seed, level)[0];

    /// <summary>
    /// Several metrics over the same resamples: each interval equals <see cref="Interval{T}"/>'s for that metric and seed,
    /// at one resampling pass for all (the draws dominate the cost on large item lists).
    /// </summary>
    public static IReadOnlyList<ConfidenceInterval> Intervals<T>(
        IReadOnlyList<T> items,
        IReadOnlyList<Func<IReadOnlyList<T>, double>> metrics,
        int resamples = 500,
        ulong seed = 46,
        double level = 0.95)
    {
        var estimates = metrics.Select(m => m(items)).ToArray();
        var rng = Xoshiro256.For(seed, 0xB007);
        var values = metrics.Select(_ => new List<double>(resamples)).ToArray();
        var sample = new T[items.Count];
        for (var r = 0; r < resamples && items.Count > 0; r++)
        {
            for (var i = 0; i < sample.Length; i++)
            {
                sample[i] = items[rng.NextInt(items.Count)];
            }

            for (var m = 0; m < metrics.Count; m++)
            {
                var value = metrics[m](sample);
                if (double.IsFinite(value))
                {
                    values[m].Add(value);
                }
            }
        }

        return [.. Enumerable.Range(0, metrics.Count).Select(m => Percentile(estimates[m], values[m], level))];
    }

    /// <summary>The interval around an estimate from its resampled values (sorted here); NaN bounds when none was finite.</summary>
    internal static ConfidenceInterval Percentile(double estimate, List<double> values, double level)
    {
        if (values.Count == 0)
        {
            return new ConfidenceInterval(estimate, double.NaN, double.NaN, level);
        }

        var alpha = (1 - level) / 2;
        values.Sort();
        return new ConfidenceInterval(estimate, Quantile(values, alpha), Quantile(values, 1 - alpha), level);
    }

    private static double Quantile(List<double> sorted, double q)
    {
        var position = q * (sorted.Count - 1);
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }
}
