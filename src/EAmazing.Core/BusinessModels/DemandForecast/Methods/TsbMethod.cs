namespace EAmazing.BusinessModels.DemandForecast.Methods;

/// <summary>
/// Croston's method in the Teunter–Syntetos–Babai form for intermittent series (many days without a sale): the
/// probability of a sale is smoothed every day (β), the size of a sale only on days with one (α); the forecast is their
/// product. Unlike classic Croston it lets the forecast decay when sales stop. α, β fitted by squared one-step error.
/// </summary>
public sealed class TsbMethod : IForecastMethod
{
    public const string MethodName = "croston_tsb";

    public string Name => MethodName;

    public double[] Forecast(ReadOnlySpan<double> history, int horizon)
    {
        var data = history.ToArray();
        if (!data.Any(v => v > 0))
        {
            return Forecasts.Constant(0, horizon);
        }

        var (p, _) = SmoothingFit.Minimise(q => Run(data, q[0], q[1]).Sse,
            [new SmoothingFit.Box(0.01, 0.9, 0.1), new SmoothingFit.Box(0.01, 0.9, 0.1)]);
        var (probability, size, _) = Run(data, p[0], p[1]);
        return Forecasts.Constant(probability * size, horizon);
    }

    public static (double Probability, double Size, double Sse) Run(IReadOnlyList<double> y, double alpha, double beta)
    {
        var sales = y.Where(v => v > 0).ToList();
        var probability = sales.Count / (double)y.Count;
        var size = sales.Count == 0 ? 0 : sales.Average();
        var sse = 0.0;
        foreach (var value in y)
        {
            var error = value - (probability * size);
            sse += error * error;
            probability += beta * ((value > 0 ? 1 : 0) - probability);
            if (value > 0)
            {
                size += alpha * (value - size);
            }
        }

        return (probability, size, sse);
    }
}
