namespace EAmazing.BusinessModels.DemandForecast.Methods;

/// <summary>
/// A forecasting method that learns across all series at once (a global model): given every series up to (not
/// including) the origin, the next <c>horizon</c> days of each, in the panel's order. Like a per-series method it never
/// returns NaN or a negative value.
/// </summary>
public interface IPanelForecastMethod
{
    string Name { get; }

    double[][] Forecast(DemandPanel panel, DemandTarget target, int horizon);
}
