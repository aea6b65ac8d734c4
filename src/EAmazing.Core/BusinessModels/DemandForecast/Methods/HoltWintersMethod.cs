namespace EAmazing.BusinessModels.DemandForecast.Methods;

/// <summary>
/// Holt–Winters additive with a weekly season: level, trend and seven seasonal offsets, α, β, γ fitted by squared
/// one-step error. The start state comes from the first two weeks (level and trend from their means, the first week's
/// detrended days as the offsets), which makes a series that is exactly level + trend + weekly pattern fit with zero
/// error from the first day. With less than two weeks of history it falls back to seasonal naive (documented).
/// </summary>
public sealed class HoltWintersMethod : IForecastMethod
{
    public const string MethodName = "holt_winters";
    public const int Season = SeasonalNaiveMethod.Season;

    public string Name => MethodName;

    public double[] Forecast(ReadOnlySpan<double> history, int horizon)
    {
        if (history.Length < 2 * Season)
        {
            return new SeasonalNaiveMethod().Forecast(history, horizon);
        }

        var state = Fit(history.ToArray());
        return Enumerable.Range(1, horizon).Select(h => Forecasts.Clean(state.Forecast(h))).ToArray();
    }

    /// <summary>Fits α, β, γ by squared one-step error on at least two weeks of data.</summary>
    public static HoltWintersState Fit(IReadOnlyList<double> y)
    {
        if (y.Count < 2 * Season)
        {
            throw new ArgumentException($"Holt–Winters needs at least {2 * Season} days, not {y.Count}");
        }

        var (p, _) = SmoothingFit.Minimise(q => Run(y, q[0], q[1], q[2]).Sse,
            [new SmoothingFit.Box(0.01, 0.99, 0.2), new SmoothingFit.Box(0.001, 0.3, 0.02), new SmoothingFit.Box(0.01, 0.99, 0.2)]);
        return Run(y, p[0], p[1], p[2]);
    }

    public static HoltWintersState Run(IReadOnlyList<double> y, double alpha, double beta, double gamma)
    {
        var first = 0.0;
        var second = 0.0;
        for (var i = 0; i < Season; i++)
        {
            first += y[i] / Season;
            second += y[i + Season] / Season;
        }

        // The first week's mean sits at its middle day (3); the level is set one day before day 0.
        var trend = (second - first) / Season;
        var level = first - ((Season / 2 + 1) * trend);
        var season = new double[Season];
        for (var i = 0; i < Season; i++)
        {
            season[i] = y[i] - (first + ((i - (Season / 2)) * trend));
        }

        var sse = 0.0;
        for (var t = 0; t < y.Count; t++)
        {
            var s = season[t % Season];
            var error = y[t] - (level + trend + s);
            sse += error * error;
            var (previousLevel, previousTrend) = (level, trend);
            level = (alpha * (y[t] - s)) + ((1 - alpha) * (level + trend));
            trend = (beta * (level - previousLevel)) + ((1 - beta) * trend);
            season[t % Season] = (gamma * (y[t] - previousLevel - previousTrend)) + ((1 - gamma) * s);
        }

        return new HoltWintersState(level, trend, season, y.Count, alpha, beta, gamma, sse);
    }
}
