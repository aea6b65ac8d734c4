using EAmazing.Foundation.Randomness;
using EAmazing.Foundation.Statistics;

namespace EAmazing.BusinessModels.Segmentation.Quality;

/// <summary>
/// Percentile bootstrap intervals of agreement measures over users (pairs of segment and persona resampled together),
/// seeded. Each resample is a recount of the pairs' contingency cells (one array increment per drawn row), which the
/// measures need and nothing more: at a month's 1.5 million users a dictionary per row made this the slowest step.
/// </summary>
public static class AgreementInterval
{
    public static ConfidenceInterval Of(int[] segments, int[] truth, Func<ContingencyTable, double> measure, int resamples, ulong seed) =>
        Of(segments, truth, [measure], resamples, seed)[0];

    /// <summary>One interval per measure, every measure on the same resamples.</summary>
    public static ConfidenceInterval[] Of(int[] segments, int[] truth, IReadOnlyList<Func<ContingencyTable, double>> measures, int resamples, ulong seed)
    {
        var whole = ContingencyTable.Of(segments, truth);
        var cells = ContingencyTable.CellsOf(segments, truth, out var rows, out var columns);
        var rng = Xoshiro256.For(seed, 0xA81);
        var values = measures.Select(_ => new double[resamples]).ToArray();
        for (var r = 0; r < resamples; r++)
        {
            var table = ContingencyTable.Resampled(cells, rows, columns, ref rng);
            for (var m = 0; m < measures.Count; m++)
            {
                values[m][r] = measures[m](table);
            }
        }

        return [.. measures.Select((measure, m) => Percentile(measure(whole), values[m]))];
    }

    /// <summary>The estimate with the 2.5 % and 97.5 % quantiles of its resampled values.</summary>
    public static ConfidenceInterval Percentile(double estimate, double[] resampled)
    {
        var sorted = resampled.Where(double.IsFinite).Order().ToArray();
        return new ConfidenceInterval(estimate, Quantile(sorted, 0.025), Quantile(sorted, 0.975));
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
