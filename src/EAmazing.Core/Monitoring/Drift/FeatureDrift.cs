namespace EAmazing.Monitoring.Drift;

/// <summary>One monitored column's shift: a feature, the model's score on the window, or the served scores.</summary>
public sealed record FeatureDrift(string Name, string Kind, double Psi, DriftLevel Level, int ReferenceCount, int CurrentCount, double ReferenceMean, double CurrentMean);
