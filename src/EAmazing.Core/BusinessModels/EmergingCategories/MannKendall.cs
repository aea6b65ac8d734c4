using MathNet.Numerics.Distributions;

namespace EAmazing.BusinessModels.EmergingCategories;

/// <summary>
/// The Mann–Kendall trend test and the Theil–Sen slope. Hand-written: neither is in MathNet.Numerics (the served
/// statistics library), and both are a few lines over all pairs of a series of at most a few hundred days.
/// </summary>
public static class MannKendall
{
    /// <summary>S, its variance with the tie correction, and the continuity-corrected z (0 for fewer than 3 points).</summary>
    public static (double S, double Variance, double Z) Test(IReadOnlyList<double> x)
    {
        var n = x.Count;
        if (n < 3)
        {
            return (0, 0, 0);
        }

        var s = 0.0;
        for (var i = 0; i < n - 1; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                s += Math.Sign(x[j] - x[i]);
            }
        }

        var ties = x.GroupBy(v => v).Select(g => (double)g.Count()).Where(t => t > 1).Sum(t => t * (t - 1) * ((2 * t) + 5));
        var variance = ((n * (n - 1.0) * ((2 * n) + 5)) - ties) / 18.0;
        var z = variance <= 0 ? 0 : s > 0 ? (s - 1) / Math.Sqrt(variance) : s < 0 ? (s + 1) / Math.Sqrt(variance) : 0;
        return (s, variance, z);
    }

    /// <summary>One-sided p-value of an upward trend.</summary>
    public static double UpwardPValue(double z) => 1 - Normal.CDF(0, 1, z);

    /// <summary>Median of the pairwise slopes (robust to a few outlying days such as a sale).</summary>
    public static double TheilSenSlope(IReadOnlyList<double> x)
    {
        var slopes = new List<double>(x.Count * (x.Count - 1) / 2);
        for (var i = 0; i < x.Count - 1; i++)
        {
            for (var j = i + 1; j < x.Count; j++)
            {
                slopes.Add((x[j] - x[i]) / (j - i));
            }
        }

        return slopes.Count == 0 ? 0 : MathNet.Numerics.Statistics.Statistics.Median(slopes);
    }
}
