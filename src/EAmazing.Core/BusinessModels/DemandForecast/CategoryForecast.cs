using System.Text.Json.Serialization;

namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>The latest forecast of one category (or top-level category) as the API returns it: per target, one row per forecast day.</summary>
public sealed record CategoryForecast(
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("category_key")] string CategoryKey,
    [property: JsonPropertyName("top_category")] string TopCategory,
    [property: JsonPropertyName("as_of_time")] DateTime AsOfTime,
    [property: JsonPropertyName("model_version")] int ModelVersion,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("targets")] IReadOnlyDictionary<string, IReadOnlyList<ForecastDay>> Targets);

/// <summary>One forecast day of one target: the point, the 80% and 95% bands and the calendar flags.</summary>
public sealed record ForecastDay(
    [property: JsonPropertyName("day")] DateOnly Day,
    [property: JsonPropertyName("step")] int Step,
    [property: JsonPropertyName("forecast")] double Forecast,
    [property: JsonPropertyName("lower_80")] double Lower80,
    [property: JsonPropertyName("upper_80")] double Upper80,
    [property: JsonPropertyName("lower_95")] double Lower95,
    [property: JsonPropertyName("upper_95")] double Upper95,
    [property: JsonPropertyName("is_sale_day")] bool IsSaleDay,
    [property: JsonPropertyName("is_month_end")] bool IsMonthEnd,
    [property: JsonPropertyName("note")] string Note);
