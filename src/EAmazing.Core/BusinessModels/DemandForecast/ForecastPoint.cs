namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>
/// One forecast day of one series and target: the point and the 80% and 95% bands. <see cref="Note"/> is empty for an
/// ordinary forecast and names the fallback otherwise (no sales in the history, a history too short for the method).
/// </summary>
public sealed record ForecastPoint(
    DemandSeries Series, DemandTarget Target, DateOnly Day, int Step, double Point, double Lower80, double Upper80, double Lower95, double Upper95, string Note);
