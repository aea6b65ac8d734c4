namespace EAmazing.BusinessModels.DemandForecast.Methods;

/// <summary>
/// Seasonal mean: each future day is the mean of the same weekday over the last <see cref="Weeks"/> weeks (as many as the
/// history holds). Seasonal naive with the noise of one week averaged away over several; below one week, naive.
/// </summary>
public sealed class SeasonalMeanMethod(int weeks = 4) : IForecastMethod
{
    public int Weeks { get; } = weeks > 0 ? weeks : throw new ArgumentOutOfRangeException(nameof(weeks), "a seasonal mean needs at least one week");

    public string Name => $"seasonal_mean_{Weeks}w";

    public double[] Forecast(ReadOnlySpan<double> history, int horizon)
    {
        const int season = SeasonalNaiveMethod.Season;
        if (history.Length < season)
        {
            return new NaiveMethod().Forecast(history, horizon);
        }

        var weeks = Math.Min(Weeks, history.Length / season);
        var means = new double[season];
        for (var w = 1; w <= weeks; w++)
        {
            var week = history.Slice(history.Length - (w * season), season);
            for (var d = 0; d < season; d++)
            {
                means[d] += week[d] / weeks;
            }
        }

        return Enumerable.Range(0, horizon).Select(h => Forecasts.Clean(means[h % season])).ToArray();
    }
}
