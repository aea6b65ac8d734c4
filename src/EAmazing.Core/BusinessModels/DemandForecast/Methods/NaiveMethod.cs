namespace EAmazing.BusinessModels.DemandForecast.Methods;

/// <summary>Naive: every future day is the last observed day (zero without history).</summary>
public sealed class NaiveMethod : IForecastMethod
{
    public const string MethodName = "naive";

    public string Name => MethodName;

    public double[] Forecast(ReadOnlySpan<double> history, int horizon) =>
        Forecasts.Constant(history.IsEmpty ? 0 : history[^1], horizon);
}
