using EAmazing.Foundation.Statistics;

namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>
/// Turns a backtest into scores: per series, each error averaged over the origins whose history has a non-zero scale;
/// then over series (MASE, sMAPE with bootstrap intervals; RMSSE weighted by revenue). Series left with no scored origin
/// are left out and counted, so an average is never NaN.
/// </summary>
public sealed class BacktestScoring(BacktestRun run, IReadOnlyList<int> series, IReadOnlyList<double> weights, ulong seed)
{
    public const int Resamples = 300;

    public static IReadOnlyList<int> Horizons { get; } = [7, 14, 28];

    /// <param name="forecast">The forecast of a series (index into the run) from an origin (index), or null when the method has none there (the oracle outside the truth).</param>
    public MethodScore? Score(string method, int horizon, Func<int, int, double[]?> forecast)
    {
        var rows = new List<(double Mase, double Smape, double Rmsse, double Weight)>();
        foreach (var s in series)
        {
            double mase = 0, smape = 0, rmsse = 0;
            var used = 0;
            for (var o = 0; o < run.Origins.Count; o++)
            {
                var history = run.History(s, o);
                var scale = ForecastErrors.Scale(history);
                var squared = ForecastErrors.SquaredScale(history);
                if (scale <= 0 || squared <= 0 || forecast(s, o) is not { } f)
                {
                    continue;
                }

                var actual = run.Actual(s, o);
                mase += ForecastErrors.MeanAbsolute(f, actual, horizon) / scale;
                smape += ForecastErrors.SymmetricMape(f, actual, horizon);
                rmsse += Math.Sqrt(ForecastErrors.MeanSquared(f, actual, horizon) / squared);
                used++;
            }

            if (used > 0)
            {
                rows.Add((mase / used, smape / used, rmsse / used, weights[s]));
            }
        }

        if (rows.Count == 0)
        {
            return null;
        }

        var totalWeight = rows.Sum(r => r.Weight);
        var weighted = totalWeight > 0 ? rows.Sum(r => r.Rmsse * r.Weight) / totalWeight : rows.Average(r => r.Rmsse);
        return new MethodScore(method, horizon,
            Bootstrap.Interval(rows, r => r.Average(x => x.Mase), Resamples, seed),
            Bootstrap.Interval(rows, r => r.Average(x => x.Smape), Resamples, seed),
            weighted, rows.Count);
    }
}
