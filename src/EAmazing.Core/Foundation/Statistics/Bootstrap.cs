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
        double level = 0.95)
    {
        var estimate = metric(items);
        var rng = Xoshiro256.For(seed, 0xB007);
        var values = new List<double>(resamples);
        var sample = new T[items.Count];
        for (var r = 0; r < resamples && items.Count > 0; r++)
        {
            for (var i = 0; i < sample.Length; i++)
            {
                sample[i] = items[rng.NextInt(items.Count)];
            }

            var value = metric(sample);
            if (double.IsFinite(value))
            {
                values.Add(value);
            }
        }

        if (values.Count == 0)
        {
            return new ConfidenceInterval(estimate, double.NaN, double.NaN, level);
        }

        values.Sort();
        var alpha = (1 - level) / 2;
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
