using EAmazing.Privacy.Purposes;

namespace EAmazing.BusinessModels.Churn;

/// <summary>Why churn prediction processes behaviour data, and which columns of which tables it uses and writes (the register reads it through the catalog).</summary>
public static class ChurnPurpose
{
    public static readonly ProcessingPurpose Purpose = new(
        "churn",
        "Churn prediction and retention campaigns",
        "Estimates per user the probability of making no purchase in the next 28 days from the weekly snapshot of past behaviour, and picks whom a retention "
        + "offer is worth contacting (expected profit from the churn probability and the customer's value); written to gold_churn_scores by eamazing score churn, "
        + "exported to the CRM by pseudonym only.",
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["gold_user_snapshots"] =
            [
                "user_id", "as_of_time", "recency_days", "days_since_last_purchase", "tenure_days", "frequency_purchases", "monetary", "sessions_30d",
                "sessions_90d", "events_7d", "events_30d", "events_90d", "purchases_7d", "purchases_30d", "purchases_90d", "revenue_30d", "views_90d",
                "carts_90d", "cart_rate_90d", "purchase_rate_90d", "cart_to_purchase_90d", "top_category_view_share",
                "view_share_under_50", "view_share_50_200", "view_share_200_800", "view_share_800_up", ChurnModel.Label,
            ],
            [ChurnScoresTable.Table.ViewName] = ChurnScoresTable.Columns,
        },
        ["Marketing and CRM (retention campaigns)", "Data science (model training and monitoring)"],
        ProcessingPurposes.EventRetention + "; gold_churn_scores: one partition per snapshot month, dropped by the same retention and erased with the person");
}
