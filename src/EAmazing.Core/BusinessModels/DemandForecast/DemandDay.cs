namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>One row of gold <c>demand_daily</c> as the forecaster reads it.</summary>
public sealed record DemandDay(string Level, string Key, string TopCategory, DateOnly Day, double Purchases, double Revenue, double Views);
