using System.Text.Json.Serialization;

namespace EAmazing.BusinessModels.PurchaseIntent.Serving;

/// <summary>
/// A cart context to score. Either the raw user id with the carted item and, optionally, the session's events
/// so far (features are computed as the gold table defines them), or a <c>features</c> object (name → number),
/// or both (given features override computed ones). The user id is pseudonymised on arrival and never kept.
/// </summary>
public sealed record PurchaseIntentRequest
{
    /// <summary>Model to score with (default: purchase-intent-cart).</summary>
    public string? Model { get; init; }

    /// <summary>The raw REES46 user id (a number, or its digits as a string).</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? UserId { get; init; }

    /// <summary>The cart event being scored: the prediction point.</summary>
    public CartItem? Cart { get; init; }

    /// <summary>The session's events before the cart, any order; events at or after the cart's time are ignored.</summary>
    public IReadOnlyList<SessionEvent>? Session { get; init; }

    /// <summary>Feature values by name (the model card's feature names), overriding computed ones.</summary>
    public IReadOnlyDictionary<string, double>? Features { get; init; }
}

public sealed record CartItem(DateTime? Time, long? ProductId, long? CategoryId, double? Price);

public sealed record SessionEvent(DateTime? Time, string? Type, long? ProductId, long? CategoryId, double? Price);

/// <summary>
/// The score, the decision at the card's business threshold, and which model version made it; a decision taken with
/// features missing from the request and the lake's history is marked degraded, with the missing ones listed.
/// </summary>
public sealed record PurchaseIntentResponse(
    string Model,
    int Version,
    double Probability,
    double Threshold,
    bool Decision,
    IReadOnlyList<string> MissingFeatures)
{
    public bool Degraded => MissingFeatures.Count > 0;

    public string DecisionBasis => Degraded
        ? $"degraded: {MissingFeatures.Count} feature(s) the model uses were missing (see missing_features); treat the decision with care"
        : "complete: every feature the model uses was known";
}
