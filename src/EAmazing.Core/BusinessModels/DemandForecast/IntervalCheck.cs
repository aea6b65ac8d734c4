using EAmazing.Foundation.Statistics;

namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>
/// Measures conformal intervals honestly: calibrated on the backtest's earlier origins only, checked on its last origin
/// (forecasts the calibration never saw). Coverage is the share of (series, day) pairs inside the band, with a 95%
/// bootstrap interval over series; the Winkler score is in units of each series' scale, so series average fairly.
/// Days the calendar marks as special (the November sale) are left out of both calibration and check: no earlier window
/// holds enough of them to calibrate a band for them, and their errors would widen every ordinary day's band; the
/// forecast table flags them instead.
/// </summary>
public static class IntervalCheck
{
    public sealed record Coverage(double Level, ConfidenceInterval Covered, double ScaledWinkler, IReadOnlyDictionary<int, double> ByHorizon);

    /// <summary>Per step (0-based), the scaled absolute errors of a method's forecasts from the given origins (series with a zero scale left out).</summary>
    /// <param name="special">Whether a day (index into the series) is left out; null: none.</param>
    public static IReadOnlyList<IReadOnlyList<double>> Scores(BacktestRun run, string method, IReadOnlyList<int> series, IEnumerable<int> origins, Func<int, bool>? special = null)
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
                    if (special?.Invoke(run.Origins[o] + h) != true)
                    {
                        scores[h].Add(Math.Abs(actual[h] - f[h]) / scale);
                    }
                }
            }
        }

        return scores;
    }

    /// <summary>Coverage on the last origin of bands calibrated on the origins before it; needs at least two origins.</summary>
    public static IReadOnlyList<Coverage> OnLastOrigin(BacktestRun run, string method, IReadOnlyList<int> series, ulong seed, Func<int, bool>? special = null)
    {
        if (run.Origins.Count < 2)
        {
            throw new InvalidOperationException("measuring interval coverage needs at least two backtest origins (one to calibrate, one to check)");
        }

        var last = run.Origins.Count - 1;
        var bands = ConformalBands.Calibrate(Scores(run, method, series, Enumerable.Range(0, last), special), ConformalBands.StandardLevels);
        var ordinary = Enumerable.Range(0, run.Horizon).Where(h => special?.Invoke(run.Origins[last] + h) != true).ToList();
        if (ordinary.Count == 0)
        {
            throw new InvalidOperationException("every day after the last origin is a special day: the intervals cannot be checked");
        }

        return bands.Levels.Select(level =>
        {
            var perSeries = new List<(IReadOnlyList<(int Step, double Inside)> Inside, double Winkler)>();
            foreach (var s in series)
            {
                var scale = ForecastErrors.Scale(run.History(s, last));
                if (scale <= 0)
                {
                    continue;
                }

                var f = run.Forecasts[method][s][last];
                var actual = run.Actual(s, last);
                var inside = new List<(int Step, double Inside)>();
                var winkler = 0.0;
                foreach (var h in ordinary)
                {
                    var (lower, upper) = bands.Band(f[h], scale, level, h);
                    inside.Add((h, actual[h] >= lower && actual[h] <= upper ? 1 : 0));
                    winkler += ForecastErrors.Winkler(lower, upper, actual[h], 1 - level) / scale;
                }

                perSeries.Add((inside, winkler / ordinary.Count));
            }

            if (perSeries.Count == 0)
            {
                throw new InvalidOperationException("no series has a non-zero scale at the last origin: the intervals cannot be checked");
            }

            var covered = Bootstrap.Interval(perSeries, p => p.Average(x => x.Inside.Average(i => i.Inside)), BacktestScoring.Resamples, seed);
            var byHorizon = BacktestScoring.Horizons.Where(h => h <= run.Horizon && ordinary[0] < h)
                .ToDictionary(h => h, h => perSeries.Average(p => p.Inside.Where(i => i.Step < h).Average(i => i.Inside)));
            return new Coverage(level, covered, perSeries.Average(p => p.Winkler), byHorizon);
        }).ToList();
    }
}
