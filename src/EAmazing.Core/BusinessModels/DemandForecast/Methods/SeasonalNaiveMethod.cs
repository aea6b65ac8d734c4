namespace EAmazing.BusinessModels.DemandForecast.Methods;

/// <summary>
/// Seasonal naive (t−7): every future day repeats the same weekday of the last observed week. With less than a week of
/// history it falls back to the naive forecast (documented fallback, never an error).
/// </summary>
public sealed class SeasonalNaiveMethod : IForecastMethod
{
    public const string MethodName = "seasonal_naive";
    public const int Season = 7;

    public string Name => MethodName;

    public double[] Forecast(ReadOnlySpan<double> history, int horizon)
    {
        if (history.Length < Season)
        {
            return new NaiveMethod().Forecast(history, horizon);
        }

        var result = new double[horizon];
        var lastWeek = history[^Season..];
        for (var h = 0; h < horizon; h++)
        {
            result[h] = Forecasts.Clean(lastWeek[h % Season]);
        }

        return result;
    }
}
