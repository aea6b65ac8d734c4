namespace EAmazing.Monitoring.Predictions;

/// <summary>
/// One served prediction, pseudonymous: the user's pseudonym (never the raw id), the model version,
/// the score and decision, and when. Appended as a JSON line under <c>lake/monitoring/predictions/</c>.
/// </summary>
public sealed record PredictionRecord(DateTime Time, string Model, int Version, string? UserPseudonym, double Score, bool Decision);
