using EAmazing.Features;

namespace EAmazing.BusinessModels.Churn;

/// <summary>The gold table <c>eamazing score churn</c> writes: one row per user (pseudonym) of a weekly snapshot, one partition per snapshot month.</summary>
public static class ChurnScoresTable
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "user_id", "as_of_time", "model_version", "churn_probability", "has_purchased", "days_since_last_purchase", "kept_value", "campaign_rank", "targeted",
    ];

    public static readonly GoldTable Table = new("churn_scores", MonthInputs.HistoryToMonth, ["user_id", "as_of_time"], [], ["user_id", "model_version"],
        "churn probability per user as of a weekly snapshot, the value of keeping them and whether the retention campaign contacts them (written by eamazing score churn)");
}
