using EAmazing.BusinessModels.DemandForecast.Methods;

namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>
/// Rolling-origin backtest: from each origin, every method forecasts the next <c>horizon</c> days of every series from
/// the days before the origin only. The method is handed a copy of exactly those days, so nothing after the origin can
/// reach it (a test changes the days after an origin and checks that the origin's forecasts stay the same).
/// </summary>
public static class RollingOriginBacktest
{
    /// <summary>Weekly origins, latest last, whose whole horizon lies in the data and which leave at least <paramref name="minimumHistory"/> days before them.</summary>
    public static IReadOnlyList<int> Origins(int days, int horizon, int count, int minimumHistory = 14, int step = 7)
    {
        var origins = new List<int>();
        for (var origin = days - horizon; origin >= minimumHistory && origins.Count < count; origin -= step)
        {
            origins.Add(origin);
        }

        origins.Reverse();
        return origins;
    }

    /// <summary>Runs every method on every series and origin; two cores at most (the machine is shared), results by index so the order of work never matters.</summary>
    public static BacktestRun Run(IReadOnlyList<double[]> series, IReadOnlyList<IForecastMethod> methods, IReadOnlyList<int> origins, int horizon)
    {
        var forecasts = methods.ToDictionary(m => m.Name, _ => new double[series.Count][][]);
        Parallel.For(0, series.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, s =>
        {
            foreach (var method in methods)
            {
                forecasts[method.Name][s] = origins.Select(o => Forecast(method, series[s], o, horizon)).ToArray();
            }
        });
        return new BacktestRun(series, origins, horizon, forecasts.ToDictionary(f => f.Key, f => (IReadOnlyList<double[][]>)f.Value));
    }

    /// <summary>
    /// Runs global methods on one target: from each origin, each method sees the panel cut at the origin (copies of the
    /// days before it) and forecasts every series; the result is added to <paramref name="run"/>'s forecasts.
    /// </summary>
    public static BacktestRun AddPanel(BacktestRun run, DemandPanel panel, DemandTarget target, IReadOnlyList<IPanelForecastMethod> methods)
    {
        if (methods.Count == 0)
        {
            return run;
        }

        var forecasts = new Dictionary<string, IReadOnlyList<double[][]>>(run.Forecasts);
        var byOrigin = run.Origins.Select(o => panel.Before(o)).ToList();
        foreach (var method in methods)
        {
            var perOrigin = byOrigin.Select(cut => method.Forecast(cut, target, run.Horizon)).ToList();
            forecasts[method.Name] = Enumerable.Range(0, panel.Series.Count).Select(s => perOrigin.Select(f => f[s]).ToArray()).ToList();
        }

        return run with { Forecasts = forecasts };
    }

    /// <summary>One forecast from one origin: the method sees a copy of the days before it, never the array itself.</summary>
    public static double[] Forecast(IForecastMethod method, double[] values, int origin, int horizon)
    {
        var before = values.AsSpan(0, origin).ToArray();
        return method.Forecast(before, horizon);
    }
}

/// <summary>
/// The backtest's forecasts: <c>Forecasts[method][series][origin]</c> is the forecast of days origin … origin + horizon − 1.
/// </summary>
public sealed record BacktestRun(IReadOnlyList<double[]> Series, IReadOnlyList<int> Origins, int Horizon, IReadOnlyDictionary<string, IReadOnlyList<double[][]>> Forecasts)
{
    public ReadOnlySpan<double> Actual(int series, int origin) => Series[series].AsSpan(Origins[origin], Horizon);

    public ReadOnlySpan<double> History(int series, int origin) => Series[series].AsSpan(0, Origins[origin]);
}
