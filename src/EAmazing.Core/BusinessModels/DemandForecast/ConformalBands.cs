namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>
/// Split-conformal prediction intervals per forecast step (pooled by week of the horizon). The nonconformity score of a backtest forecast is its
/// absolute error divided by the series' MASE scale, so one set of quantiles serves series of any size; the band of a
/// new forecast is point ± quantile × the series' scale, floored at zero. The quantile at level 1 − α is the
/// ⌈(n + 1)(1 − α)⌉-th smallest of n scores, which covers at least 1 − α of exchangeable new errors. With too few
/// scores for that rank it takes the largest score (and <see cref="Short"/> says so) rather than an infinite band.
/// </summary>
public sealed record ConformalBands(IReadOnlyList<double> Levels, IReadOnlyList<IReadOnlyList<double>> Quantiles, bool Short)
{
    public static readonly IReadOnlyList<double> StandardLevels = [0.80, 0.95];

    public int Horizon => Quantiles[0].Count;

    /// <summary>The quantile of level <paramref name="level"/> at forecast step <paramref name="step"/> (0-based).</summary>
    public double Quantile(double level, int step)
    {
        var i = Levels.ToList().FindIndex(l => Math.Abs(l - level) < 1e-9);
        return i >= 0 ? Quantiles[i][step] : throw new ArgumentException($"no band at level {level}; the bands are at {string.Join(", ", Levels)}");
    }

    /// <summary>
    /// Steps are pooled in blocks of a week (steps 1–7 share one quantile, 8–14 the next, …) and the quantiles are made
    /// non-decreasing with the horizon: with a few origins, one step's scores are the same few calendar days (a sale day
    /// lands on one step per origin), which made a band that spikes on arbitrary future days; a week's pool is seven
    /// times larger and holds every weekday.
    /// </summary>
    /// <param name="scores">Per step (0-based), the scaled absolute errors of the calibration forecasts.</param>
    public static ConformalBands Calibrate(IReadOnlyList<IReadOnlyList<double>> scores, IReadOnlyList<double> levels, int block = 7)
    {
        var isShort = false;
        var pools = Enumerable.Range(0, (scores.Count + block - 1) / block)
            .Select(b => scores.Skip(b * block).Take(block).SelectMany(s => s).Order().ToList()).ToList();
        var quantiles = levels.Select(level =>
        {
            var perBlock = pools.Select(sorted =>
            {
                if (sorted.Count == 0)
                {
                    throw new InvalidOperationException("no backtest forecast to calibrate the intervals on");
                }

                var rank = (int)Math.Ceiling((sorted.Count + 1) * level);
                isShort |= rank > sorted.Count;
                return sorted[Math.Min(rank, sorted.Count) - 1];
            }).ToList();
            for (var b = 1; b < perBlock.Count; b++)
            {
                perBlock[b] = Math.Max(perBlock[b], perBlock[b - 1]);
            }

            return (IReadOnlyList<double>)Enumerable.Range(0, scores.Count).Select(h => perBlock[h / block]).ToList();
        }).ToList();
        return new ConformalBands(levels, quantiles, isShort);
    }

    /// <summary>The band of a forecast, floored at zero: demand is never negative.</summary>
    public (double Lower, double Upper) Band(double point, double scale, double level, int step)
    {
        var width = Quantile(level, step) * scale;
        return (Math.Max(0, point - width), point + width);
    }
}
