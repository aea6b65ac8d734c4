namespace EAmazing.Models.Business;

/// <summary>One event of a served session: the product (required), its type (view, cart, remove_from_cart, purchase; default view) and time (ISO 8601).</summary>
public sealed record NextItemEvent(long? ProductId, string? Type, DateTimeOffset? Time);
