namespace EAmazing.Governance.Keys;

/// <summary>
/// A finished rotation: the key ids, whether it finished one interrupted earlier, and what this run rewrote
/// (null for a step an earlier run had done).
/// </summary>
public sealed record KeyRotationResult(
    string FromKeyId,
    string ToKeyId,
    bool Resumed,
    RekeyCounts? Lake,
    PredictionRekeyCounts? Predictions,
    int? GoldPartitionsRekeyed,
    int GoldPartitionsRebuilt,
    double Seconds);
