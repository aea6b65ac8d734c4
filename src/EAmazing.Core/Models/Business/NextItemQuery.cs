namespace EAmazing.Models.Business;

/// <summary>
/// A served request for the next items: the session's events so far (product ids in order, with their times and event
/// types when known), how many items to return, whether items already in the session may come back, and an optional
/// category restriction. Validated by the caller (the API); the recommender trusts its bounds.
/// </summary>
/// <param name="Products">Product ids in event order.</param>
/// <param name="UnixSeconds">Event times (UTC seconds), one per product, or null: the session is placed at the end of the model's training data.</param>
/// <param name="EventTypes">0 view, 1 cart, 2 purchase, one per product, or null: all views.</param>
/// <param name="Count">Items to return.</param>
/// <param name="ExcludeSeen">Leave out every product of the session.</param>
/// <param name="Categories">Only items of these category ids; null for every category.</param>
public sealed record NextItemQuery(
    IReadOnlyList<long> Products,
    IReadOnlyList<long>? UnixSeconds,
    IReadOnlyList<byte>? EventTypes,
    int Count,
    bool ExcludeSeen,
    IReadOnlySet<long>? Categories);
