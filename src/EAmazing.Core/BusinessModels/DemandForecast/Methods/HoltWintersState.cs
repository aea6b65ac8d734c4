namespace EAmazing.BusinessModels.DemandForecast.Methods;

/// <summary>
/// Holt–Winters after the last observed day: level, trend and the seasonal offsets by position (day index modulo the
/// season length, so <c>Season[t % 7]</c> is day t's offset), with the fitted smoothing parameters and squared error.
/// </summary>
public sealed record HoltWintersState(double Level, double Trend, IReadOnlyList<double> Season, int Days, double Alpha, double Beta, double Gamma, double Sse)
{
    /// <summary>The forecast <paramref name="h"/> days after the last observed day (h ≥ 1).</summary>
    public double Forecast(int h) => Level + (h * Trend) + Season[(Days - 1 + h) % Season.Count];
}
