using EAmazing.Privacy.Purposes;

namespace EAmazing.BusinessModels.Recommendation;

/// <summary>
/// Why next-item recommendation reads session events: the order in which a pseudonymous visitor views, carts and buys
/// items in a session, to learn which item to show next. The model keeps no user id; the oracle on a generated world
/// matches pseudonyms in memory only.
/// </summary>
public static class RecommendationPurpose
{
    public static readonly ProcessingPurpose Purpose = new(
        "next-item-recommendation",
        "Next-item recommendation (model)",
        "Learns from the order of items viewed, carted and bought in re-sessionised sessions which item a visitor is likely to want next, "
        + "to rank products on the site; compared with popularity baselines and, on generated data, the world's true next-item distribution.",
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["silver"] = ["user_id", "session_number", "event_time", "event_type", "product_id", "source_file", "source_line"],
            ["gold_sessions"] = ["session_key", "user_id", "session_start", "session_end"],
        },
        ["Merchandising", "Product (site recommendations)", "Data science (model training and monitoring)"],
        ProcessingPurposes.EventRetention + "; models: the method and its settings only (no session or user), until retrained");
}
