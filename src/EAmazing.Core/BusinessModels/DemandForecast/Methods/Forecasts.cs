namespace EAmazing.BusinessModels.DemandForecast.Methods;

/// <summary>Small helpers every method shares: a constant path, and the floor at zero with NaN turned into zero.</summary>
public static class Forecasts
{
    public static double[] Constant(double value, int horizon) => Enumerable.Repeat(Clean(value), horizon).ToArray();

    /// <summary>Demand is never negative, and a non-finite value (an empty history, a diverged fit) becomes zero, never NaN.</summary>
    public static double Clean(double value) => double.IsFinite(value) ? Math.Max(0, value) : 0;

    public static double Mean(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return 0;
        }

        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }
}
