using EAmazing.Foundation.Statistics;

namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>
/// Measures conformal intervals honestly: calibrated on the backtest's earlier origins only, checked on its last origin
/// (forecasts the calibration never saw). Coverage is the share of (series, day) pairs inside the band, with a 95%
/// bootstrap interval over series; the Winkler score is in units of each series' scale, so series average fairly.
/// </summary>
public static class IntervalCheck
{
    public sealed record Coverage(double Level, ConfidenceInterval Covered, double ScaledWinkler, IReadOnlyDictionary<int, double> ByHorizon);

    /// <summary>Per step (0-based), the scaled absolute errors of a method's forecasts from the given origins (series with a zero scale left out).</summary>
    public static IReadOnlyList<IReadOnlyList<double>> Scores(BacktestRun run, string method, IReadOnlyList<int> series, IEnumerable<int> origins)
    {
        var scores = Enumerable.Range(0, run.Horizon).Select(_ => new List<double>()).ToList();
        foreach (var o in origins)
        {
            foreach (var s in series)
            {
                var scale = ForecastErrors.Scale(run.History(s, o));
                if (scale <= 0)
                {
                    continue;
                }

                var f = run.Forecasts[method][s][o];
                var actual = run.Actual(s, o);
                for (var h = 0; h < run.Horizon; h++)
                {
                    scores[h].Add(Math.Abs(actual[h] - f[h]) / scale);
                }
            }
        }

        return scores;
    }

    /// <summary>Coverage on the last origin of bands calibrated on the origins before it; needs at least two origins.</summary>
    public static IReadOnlyList<Coverage> OnLastOrigin(BacktestRun run, string method, IReadOnlyList<int> series, ulong seed)
    {
        if (run.Origins.Count < 2)
        {
            throw new InvalidOperationException("measuring interval coverage needs at least two backtest origins (one to calibrate, one to check)");
        }

        var last = run.Origins.Count - 1;
        var bands = ConformalBands.Calibrate(Scores(run, method, series, Enumerable.Range(0, last)), ConformalBands.StandardLevels);
        return bands.Levels.Select(level =>
        {
            var perSeries = new List<(double[] Inside, double Winkler)>();
            foreach (var s in series)
            {
                var scale = ForecastErrors.Scale(run.History(s, last));
                if (scale <= 0)
                {
                    continue;
                }

                var f = run.Forecasts[method][s][last];
                var actual = run.Actual(s, last);
                var inside = new double[run.Horizon];
                var winkler = 0.0;
                for (var h = 0; h < run.Horizon; h++)
                {
                    var (lower, upper) = bands.Band(f[h], scale, level, h);
                    inside[h] = actual[h] >= lower && actual[h] <= upper ? 1 : 0;
                    winkler += ForecastErrors.Winkler(lower, upper, actual[h], 1 - level) / scale;
                }

                perSeries.Add((inside, winkler / run.Horizon));
            }

            if (perSeries.Count == 0)
            {
                throw new InvalidOperationException("no series has a non-zero scale at the last origin: the intervals cannot be checked");
            }

            var covered = Bootstrap.Interval(perSeries, p => p.Average(x => x.Inside.Average()), BacktestScoring.Resamples, seed);
            var byHorizon = BacktestScoring.Horizons.Where(h => h <= run.Horizon)
                .ToDictionary(h => h, h => perSeries.Average(p => p.Inside.Take(h).Average()));
            return new Coverage(level, covered, perSeries.Average(p => p.Winkler), byHorizon);
        }).ToList();
    }
}
