namespace EAmazing.Privacy.Purposes;

/// <summary>
/// Every purpose the platform processes behavioural data for, with the columns each uses. Adding a column to
/// silver or gold means declaring here which purpose needs it (the minimisation test fails otherwise).
/// </summary>
public static class ProcessingPurposes
{
    public const string EventRetention =
        "event rows in bronze, silver, quarantine and gold: the last EAmazing:Privacy:RetentionMonths whole months (eamazing gdpr retention apply)";

    // user_number: the user as their number in the month, which the gold tables group a month's events on.
    public static readonly IReadOnlyList<string> SilverEvent = ["event_time", "event_type", "product_id", "category_id", "price", "user_id", "user_number", "session_id"];

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
            // the items' age (age_days) comes from the earlier months' first days
            ["gold_item_first_days"] = ["product_id", "first_day", "as_of_time"],
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

    /// <summary>
    /// The purposes declared here, for the platform's own processing and the gold tables of business models still to
    /// come; each business model declares its own purpose in its folder (the register adds those from the catalog).
    /// </summary>
    public static IReadOnlyList<ProcessingPurpose> Platform { get; } = [Analytics, Recommendation, Forecasting];
}
