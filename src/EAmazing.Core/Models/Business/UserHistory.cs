namespace EAmazing.Models.Business;

/// <summary>A user's sessions in the lake, as the gold table's user-history features need them.</summary>
public sealed record UserHistory(long Sessions, long Purchases, long Carts, DateTime LastSessionEnd, DateTime? LastPurchaseSessionEnd);

/// <summary>An item's events over the trailing window before the lake's last day.</summary>
public sealed record ItemHistory(long Views, long Carts, long Purchases);
