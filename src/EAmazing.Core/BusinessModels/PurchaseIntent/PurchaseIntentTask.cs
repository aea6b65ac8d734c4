using EAmazing.Features;

namespace EAmazing.BusinessModels.PurchaseIntent;

/// <summary>The two purchase-intent tasks and the gold tables they learn from.</summary>
public sealed record PurchaseIntentTask(string Key, string ModelName, GoldTable Table, string Label, string Description)
{
    /// <summary>Cart → purchase: at a session's first cart event, will the session end with a purchase?</summary>
    public static readonly PurchaseIntentTask Cart = new("cart", "purchase-intent-cart", GoldTables.CartPredictionPoints, "label_purchase",
        "cart → purchase, scored at the session's first cart event from what happened before it");

    /// <summary>Session will-buy: after each of a session's first k events, will it later hold a purchase?</summary>
    public static readonly PurchaseIntentTask Prefix = new("prefix", "purchase-intent-prefix", GoldTables.SessionPrefixes, "label_purchase_later",
        "session will-buy, scored after each of the first 5 events from the prefix only");

    public static IReadOnlyList<PurchaseIntentTask> All { get; } = [Cart, Prefix];

    public static PurchaseIntentTask Find(string key) =>
        All.FirstOrDefault(t => t.Key == key) ?? throw new ArgumentException($"unknown task '{key}'; use cart or prefix");
}
