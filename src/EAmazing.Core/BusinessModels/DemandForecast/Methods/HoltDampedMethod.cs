namespace EAmazing.BusinessModels.DemandForecast.Methods;

/// <summary>
/// Holt's linear trend with a damped trend (Gardner and McKenzie): level, trend and damping φ fitted by squared one-step
/// error; the forecast h days ahead adds φ + φ² + … + φʰ of the trend, so a trend flattens out instead of running away.
/// </summary>
public sealed class HoltDampedMethod : IForecastMethod
{
    public const string MethodName = "holt_damped";

    public string Name => MethodName;

    public double[] Forecast(ReadOnlySpan<double> history, int horizon)
    {
        if (history.Length < 3)
        {
            return new NaiveMethod().Forecast(history, horizon);
        }

        var data = history.ToArray();
        var (p, _) = SmoothingFit.Minimise(q => Run(data, q[0], q[1], q[2]).Sse,
            [new SmoothingFit.Box(0.01, 0.99, 0.3), new SmoothingFit.Box(0.001, 0.5, 0.05), new SmoothingFit.Box(0.8, 0.98, 0.9)]);
        var (level, trend, _) = Run(data, p[0], p[1], p[2]);
        var result = new double[horizon];
        var damped = 0.0;
        for (var h = 0; h < horizon; h++)
        {
            damped += Math.Pow(p[2], h + 1);
            result[h] = Forecasts.Clean(level + (damped * trend));
        }

        return result;
    }

    public static (double Level, double Trend, double Sse) Run(IReadOnlyList<double> y, double alpha, double beta, double phi)
    {
        var level = y[0];
        var trend = y[1] - y[0];
        var sse = 0.0;
        for (var t = 1; t < y.Count; t++)
        {
            var forecast = level + (phi * trend);
            var error = y[t] - forecast;
            sse += error * error;
            var previous = level;
            level = forecast + (alpha * error);
            trend = (phi * trend) + (beta * (level - previous - (phi * trend)));
        }

        return (level, trend, sse);
    }
}
