namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>
/// Split-conformal prediction intervals per forecast step. The nonconformity score of a backtest forecast is its
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

    /// <param name="scores">Per step (0-based), the scaled absolute errors of the calibration forecasts.</param>
    public static ConformalBands Calibrate(IReadOnlyList<IReadOnlyList<double>> scores, IReadOnlyList<double> levels)
    {
        var isShort = false;
        var quantiles = levels.Select(level => (IReadOnlyList<double>)scores.Select(step =>
        {
            if (step.Count == 0)
            {
                throw new InvalidOperationException("no backtest forecast to calibrate the intervals on");
            }

            var sorted = step.Order().ToList();
            var rank = (int)Math.Ceiling((sorted.Count + 1) * level);
            isShort |= rank > sorted.Count;
            return sorted[Math.Min(rank, sorted.Count) - 1];
        }).ToList()).ToList();
        return new ConformalBands(levels, quantiles, isShort);
    }

    /// <summary>The band of a forecast, floored at zero: demand is never negative.</summary>
    public (double Lower, double Upper) Band(double point, double scale, double level, int step)
    {
        var width = Quantile(level, step) * scale;
        return (Math.Max(0, point - width), point + width);
    }
}
