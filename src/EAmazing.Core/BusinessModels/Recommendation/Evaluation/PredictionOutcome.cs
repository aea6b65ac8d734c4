namespace EAmazing.BusinessModels.Recommendation.Evaluation;

/// <summary>
/// One predicted event: its rank in the full-catalogue ranking (1 = first; 0 = below the cut-off or an item training
/// never saw), the number of session events before it, and whether the session carts or buys an item at or after this
/// point and whether the top list held one of those items.
/// </summary>
public readonly record struct PredictionOutcome(int Rank, int PrefixLength, bool ConversionLater, bool ConversionHit);
