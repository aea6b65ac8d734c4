using EAmazing.Privacy.Purposes;

namespace EAmazing.BusinessModels.PurchaseIntent;

/// <summary>Why purchase intent processes behaviour data, and which columns of which tables it uses (the register reads it through the catalog).</summary>
public static class PurchaseIntentPurpose
{
    public static readonly ProcessingPurpose Purpose = new(
        "purchase-intent",
        "Purchase intent",
        "Scores, during a session, how likely a cart or a session is to end in a purchase, to time interventions (served by eamazing serve).",
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["silver"] = ProcessingPurposes.SilverEvent,
            // the cart points' user history reads the earlier months' sessions
            ["gold_sessions"] = ["user_id", "session_start", "session_end", "purchases", "carts"],
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
        ProcessingPurposes.EventRetention + "; prediction log (monitoring/predictions): the same horizon, purged by the same command; models: until retrained");
}
