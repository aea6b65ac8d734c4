using EAmazing.Features;

namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>The gold table <c>eamazing forecast</c> writes: per series, target and forecast day, the point and bands; one partition per month of the first forecast day. Aggregates, no identifier.</summary>
public static class DemandForecastTable
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "level", "category_key", "top_category", "target", "day", "as_of_time", "step", "model_version", "method",
        "forecast", "lower_80", "upper_80", "lower_95", "upper_95", "weekday", "is_sale_day", "is_month_end", "note",
    ];

    public static readonly GoldTable Table = new("demand_forecast", MonthInputs.HistoryToMonth, ["level", "category_key", "target", "day", "as_of_time"], [], ["category_key", "model_version"],
        "forecast demand per category and top-level category, target and day with 80% and 95% intervals (written by eamazing forecast)");
}
