namespace EAmazing.Models.Business;

/// <summary>
/// A user's sessions in the lake, as the gold table's user-history features need them. A value, not an object: the server
/// holds one per user (millions at full scale) and the collector must not trace them.
/// </summary>
public readonly record struct UserHistory(long Sessions, long Purchases, long Carts, DateTime LastSessionEnd, DateTime? LastPurchaseSessionEnd);

/// <summary>An item's events over the trailing window before the lake's last day.</summary>
public sealed record ItemHistory(long Views, long Carts, long Purchases);
