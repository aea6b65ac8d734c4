using EAmazing.Privacy.Purposes;

namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>
/// Why demand forecasting reads gold demand_daily and what it writes. Both are aggregates per category and day over all
/// visitors, with no identifier: the register lists gold_demand_forecast among the aggregates without personal data.
/// </summary>
public static class DemandForecastPurpose
{
    public static readonly ProcessingPurpose Purpose = new(
        "demand-forecast",
        "Demand forecasting (model)",
        "Forecasts daily purchases, revenue and views per category and top-level category with 80% and 95% intervals, for supply-chain and finance planning; "
        + "reads gold_demand_daily and writes gold_demand_forecast (eamazing forecast). Both are aggregates per category and day, not personal data: no identifier, no person's row.",
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["gold_demand_daily"] = ["level", "category_key", "top_category", "day", "purchases", "revenue", "views"],
            [DemandForecastTable.Table.ViewName] = DemandForecastTable.Columns,
        },
        ["Supply chain", "Finance", "Data science (model training and monitoring)"],
        ProcessingPurposes.EventRetention + "; gold_demand_forecast: one partition per forecast month, dropped by the same retention");
}
