namespace EAmazing.BusinessModels.DemandForecast.Methods;

/// <summary>Moving average: the mean of the last <see cref="Window"/> days (four whole weeks, so weekdays weigh equally), or of all days when fewer.</summary>
public sealed class MovingAverageMethod(int window = 28) : IForecastMethod
{
    public int Window { get; } = window > 0 ? window : throw new ArgumentOutOfRangeException(nameof(window), "a moving average needs a window of at least one day");

    public string Name => $"moving_average_{Window}";

    public double[] Forecast(ReadOnlySpan<double> history, int horizon) =>
        Forecasts.Constant(Forecasts.Mean(history[Math.Max(0, history.Length - Window)..]), horizon);
}
