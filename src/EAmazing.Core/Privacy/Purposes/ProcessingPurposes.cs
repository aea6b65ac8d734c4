namespace EAmazing.Privacy.Purposes;

/// <summary>
/// Every purpose the platform processes behavioural data for, with the columns each uses. Adding a column to
/// silver or gold means declaring here which purpose needs it (the minimisation test fails otherwise).
/// </summary>
public static class ProcessingPurposes
{
    public const string EventRetention =
        "event rows in bronze, silver, quarantine and gold: the last EAmazing:Privacy:RetentionMonths whole months (eamazing gdpr retention apply)";

    private static readonly string[] SilverEvent = ["event_time", "event_type", "product_id", "category_id", "price", "user_id", "session_id"];

    public static readonly ProcessingPurpose Analytics = new(
        "analytics",
        "Behaviour analytics",
        "Traffic, funnels and sessions of the shop: how visitors browse, cart and buy, per category, brand and time.",
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["silver"] = [.. SilverEvent, "category_code", "brand"],
            ["gold_sessions"] =
            [
                "session_key", "user_id", "session_start", "session_end", "as_of_time", "duration_seconds", "events", "views", "carts", "removes",
                "purchases", "distinct_items", "distinct_categories", "distinct_brands", "min_price", "max_price", "mean_price", "purchase_revenue",
                "start_hour", "start_weekday", "has_cart", "has_purchase",
            ],
        },
        ["E-commerce analytics", "Marketing"],
        EventRetention);

    public static readonly ProcessingPurpose PurchaseIntent = new(
        "purchase-intent",
        "Purchase intent",
        "Scores, during a session, how likely a cart or a session is to end in a purchase, to time interventions (served by eamazing serve).",
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["silver"] = SilverEvent,
            ["gold_cart_prediction_points"] =
            [
                "session_key", "user_id", "as_of_time", "product_id", "category_id", "cart_price", "category_mean_price_trailing", "cart_price_vs_category",
                "seconds_since_session_start", "events_before", "views_before", "distinct_items_before", "distinct_categories_before", "views_of_carted_item",
                "purchases_before", "removes_before", "past_sessions", "past_purchases", "past_carts", "days_since_last_session", "days_since_last_purchase",
                "item_views_trailing", "item_carts_trailing", "item_purchases_trailing", "item_conversion_trailing", "hour", "weekday", "label_purchase",
            ],
            ["gold_session_prefixes"] =
            [
                "session_key", "user_id", "prefix_length", "as_of_time", "seconds_since_session_start", "seconds_since_previous_event", "views", "carts",
                "removes", "purchases", "distinct_items", "distinct_categories", "repeated_items", "mean_price", "max_price", "last_price", "last_event_type",
                "hour", "weekday", "label_purchase_later",
            ],
        },
        ["Marketing (cart interventions)", "Data science (model training and monitoring)"],
        EventRetention + "; prediction log (monitoring/predictions): the same horizon, purged by the same command; models: until retrained");

    public static readonly ProcessingPurpose Segmentation = new(
        "segmentation",
        "Customer segmentation",
        "Weekly recency, frequency, monetary value, activity and category affinities per customer, and churn risk.",
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["silver"] = [.. SilverEvent, "category_code"],
            ["gold_user_snapshots"] =
            [
                "user_id", "as_of_time", "recency_days", "days_since_last_purchase", "tenure_days", "frequency_purchases", "monetary", "sessions_30d",
                "sessions_90d", "events_7d", "events_30d", "events_90d", "purchases_7d", "purchases_30d", "purchases_90d", "revenue_30d", "views_90d",
                "carts_90d", "cart_rate_90d", "purchase_rate_90d", "cart_to_purchase_90d", "top_category", "top_category_view_share",
                "view_share_under_50", "view_share_50_200", "view_share_200_800", "view_share_800_up", "label_churn",
            ],
        },
        ["CRM", "Marketing"],
        EventRetention);

    public static readonly ProcessingPurpose Recommendation = new(
        "recommendation",
        "Product recommendation",
        "Item popularity, conversion and price position, and which items follow or accompany each other in sessions.",
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["silver"] = SilverEvent,
            ["gold_items"] =
            [
                "product_id", "day", "as_of_time", "category_id", "views_1d", "views_7d", "views_trailing", "carts_7d", "carts_trailing", "purchases_7d",
                "purchases_trailing", "user_days_trailing", "cart_rate_trailing", "conversion_trailing", "popularity_rank_7d", "mean_price_trailing",
                "category_mean_price_trailing", "price_vs_category", "age_days",
            ],
            ["gold_item_transitions"] = ["product_id", "other_product_id", "window_start", "as_of_time", "successor_count", "cooccurrence_sessions"],
        },
        ["Merchandising", "Product (site recommendations)"],
        EventRetention);

    public static readonly ProcessingPurpose Forecasting = new(
        "forecasting",
        "Demand forecasting",
        "Daily views, carts, purchases, revenue and distinct visitors per category, with the calendar, to forecast demand.",
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["silver"] = [.. SilverEvent, "category_code"],
            ["gold_demand_daily"] =
            [
                "level", "category_key", "category_id", "top_category", "day", "as_of_time", "views", "carts", "purchases", "revenue", "distinct_users",
                "distinct_sessions", "weekday", "day_of_month", "month", "is_weekend",
            ],
        },
        ["Supply chain", "Finance"],
        EventRetention);

    public static IReadOnlyList<ProcessingPurpose> All { get; } = [Analytics, PurchaseIntent, Segmentation, Recommendation, Forecasting];

    /// <summary>The purposes that use a column of a table.</summary>
    public static IReadOnlyList<ProcessingPurpose> Using(string table, string column) => All.Where(p => p.Uses(table, column)).ToList();
}
