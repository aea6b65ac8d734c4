namespace EAmazing.BusinessModels.DemandForecast.Methods;

/// <summary>Simple exponential smoothing: a level updated by α of each one-step error; α fitted by squared error, the level starts at the first day.</summary>
public sealed class SimpleExponentialSmoothing : IForecastMethod
{
    public const string MethodName = "ses";

    public string Name => MethodName;

    public double[] Forecast(ReadOnlySpan<double> history, int horizon)
    {
        if (history.Length < 2)
        {
            return new NaiveMethod().Forecast(history, horizon);
        }

        var data = history.ToArray();
        var (parameters, _) = SmoothingFit.Minimise(p => Run(data, p[0]).Sse, [new SmoothingFit.Box(0.01, 0.99, 0.3)]);
        return Forecasts.Constant(Run(data, parameters[0]).Level, horizon);
    }

    /// <summary>The final level and the sum of squared one-step errors for a given α.</summary>
    public static (double Level, double Sse) Run(IReadOnlyList<double> y, double alpha)
    {
        var level = y[0];
        var sse = 0.0;
        for (var t = 1; t < y.Count; t++)
        {
            var error = y[t] - level;
            sse += error * error;
            level += alpha * error;
        }

        return (level, sse);
    }
}
