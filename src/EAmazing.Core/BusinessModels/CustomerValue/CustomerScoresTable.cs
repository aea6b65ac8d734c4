using EAmazing.Features;

namespace EAmazing.BusinessModels.CustomerValue;

/// <summary>The gold table <c>eamazing score customers</c> writes: one row per customer (pseudonym) and as-of time, one partition per as-of month.</summary>
public static class CustomerScoresTable
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "user_id", "as_of_time", "model_version", "horizon_days", "frequency", "recency_days", "age_days", "monetary_value",
        "probability_alive", "expected_purchases", "expected_spend", "expected_value",
    ];

    public static readonly GoldTable Table = new("customer_scores", MonthInputs.HistoryToMonth, ["user_id", "as_of_time"], [], ["user_id", "model_version"],
        "customer value per customer as of a date: probability alive, expected purchases, spend and value over the horizon (written by eamazing score customers)");
}
