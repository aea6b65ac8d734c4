namespace EAmazing.BusinessModels.DemandForecast.Methods;

/// <summary>The day-by-day mean of a global model's forecast and a per-series method's: the global model's calendar beside the statistical methods' level.</summary>
public sealed class PanelEnsembleMethod(string name, IPanelForecastMethod global, IForecastMethod local) : IPanelForecastMethod
{
    public string Name { get; } = name;

    public double[][] Forecast(DemandPanel panel, DemandTarget target, int horizon)
    {
        var fromGlobal = global.Forecast(panel, target, horizon);
        return panel.Series.Select((s, i) =>
        {
            var fromLocal = local.Forecast(s.Of(target), horizon);
            return Enumerable.Range(0, horizon).Select(h => Forecasts.Clean((fromGlobal[i][h] + fromLocal[h]) / 2)).ToArray();
        }).ToArray();
    }
}
