using EAmazing.BusinessModels.DemandForecast.Methods;

namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>
/// The error measures of the backtest, for one forecast window. MASE and RMSSE divide by the in-sample error of the
/// seasonal naive forecast on the history before the origin (Hyndman's scale, with the weekly season), so series of any
/// size average fairly; a series whose history has no week-to-week change has scale zero and no MASE (it is left out of
/// the averages and counted, never turned into NaN or infinity).
/// </summary>
public static class ForecastErrors
{
    /// <summary>Mean absolute week-on-week change of the history (day-on-day below two weeks); zero when there is none.</summary>
    public static double Scale(ReadOnlySpan<double> history)
    {
        var lag = history.Length > 2 * SeasonalNaiveMethod.Season ? SeasonalNaiveMethod.Season : 1;
        if (history.Length <= lag)
        {
            return 0;
        }

        var sum = 0.0;
        for (var t = lag; t < history.Length; t++)
        {
            sum += Math.Abs(history[t] - history[t - lag]);
        }

        return sum / (history.Length - lag);
    }

    /// <summary>Mean squared week-on-week change (the RMSSE scale, squared).</summary>
    public static double SquaredScale(ReadOnlySpan<double> history)
    {
        var lag = history.Length > 2 * SeasonalNaiveMethod.Season ? SeasonalNaiveMethod.Season : 1;
        if (history.Length <= lag)
        {
            return 0;
        }

        var sum = 0.0;
        for (var t = lag; t < history.Length; t++)
        {
            sum += (history[t] - history[t - lag]) * (history[t] - history[t - lag]);
        }

        return sum / (history.Length - lag);
    }

    public static double MeanAbsolute(ReadOnlySpan<double> forecast, ReadOnlySpan<double> actual, int steps)
    {
        var sum = 0.0;
        for (var h = 0; h < steps; h++)
        {
            sum += Math.Abs(actual[h] - forecast[h]);
        }

        return sum / steps;
    }

    public static double MeanSquared(ReadOnlySpan<double> forecast, ReadOnlySpan<double> actual, int steps)
    {
        var sum = 0.0;
        for (var h = 0; h < steps; h++)
        {
            sum += (actual[h] - forecast[h]) * (actual[h] - forecast[h]);
        }

        return sum / steps;
    }

    /// <summary>Symmetric MAPE in [0, 2]; a day where both forecast and actual are zero counts as no error.</summary>
    public static double SymmetricMape(ReadOnlySpan<double> forecast, ReadOnlySpan<double> actual, int steps)
    {
        var sum = 0.0;
        for (var h = 0; h < steps; h++)
        {
            var denominator = Math.Abs(actual[h]) + Math.Abs(forecast[h]);
            sum += denominator == 0 ? 0 : 2 * Math.Abs(actual[h] - forecast[h]) / denominator;
        }

        return sum / steps;
    }

    /// <summary>Winkler (interval) score of one interval at miscoverage α: its width plus 2/α times the distance by which it misses.</summary>
    public static double Winkler(double lower, double upper, double actual, double alpha) =>
        (upper - lower) + (actual < lower ? 2 / alpha * (lower - actual) : actual > upper ? 2 / alpha * (actual - upper) : 0);
}
