namespace EAmazing.BusinessModels.DemandForecast.Methods;

/// <summary>
/// A forecasting method for one daily series: given the days before the forecast origin, the next
/// <c>horizon</c> days. The methods are the project's own code (with MathNet.Numerics' optimisers for the fits)
/// because ML.NET's time-series package is not served here; each is a few lines of a textbook recursion.
/// A method never returns NaN or a negative value: demand is a count or an amount.
/// </summary>
public interface IForecastMethod
{
    /// <summary>Short stable name, as in the backtest table and the model card.</summary>
    string Name { get; }

    /// <param name="history">The series up to (not including) the origin, oldest first; may be empty.</param>
    double[] Forecast(ReadOnlySpan<double> history, int horizon);
}
