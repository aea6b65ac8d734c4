using EAmazing.Privacy.Purposes;

namespace EAmazing.BusinessModels.Segmentation;

/// <summary>Why segmentation processes behaviour data, and which columns of which tables it uses (the register reads it through the catalog).</summary>
public static class SegmentationPurpose
{
    public static readonly ProcessingPurpose Purpose = new(
        "segmentation",
        "Customer segmentation",
        "Weekly recency, frequency, monetary value, activity and category affinities per customer, and churn risk; customers grouped into segments for CRM and marketing.",
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["silver"] = [.. ProcessingPurposes.SilverEvent, "category_code"],
            ["gold_user_snapshots"] =
            [
                "user_id", "as_of_time", "recency_days", "days_since_last_purchase", "tenure_days", "frequency_purchases", "monetary", "sessions_30d",
                "sessions_90d", "events_7d", "events_30d", "events_90d", "purchases_7d", "purchases_30d", "purchases_90d", "revenue_30d", "views_90d",
                "carts_90d", "cart_rate_90d", "purchase_rate_90d", "cart_to_purchase_90d", "top_category", "top_category_view_share",
                "view_share_under_50", "view_share_50_200", "view_share_200_800", "view_share_800_up", "label_churn",
            ],
            ["gold_customer_segments"] = ["user_id", "as_of_time", "segment_id", "segment_name", "model_version"],
        },
        ["CRM", "Marketing"],
        ProcessingPurposes.EventRetention + "; segment assignments (gold customer_segments, written by eamazing score segments): the same horizon, per month of the snapshot");
}
