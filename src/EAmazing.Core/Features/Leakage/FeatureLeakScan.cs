namespace EAmazing.Features.Leakage;

/// <summary>Single-feature ROC-AUC of every feature against one label; a feature at or above the threshold is flagged.</summary>
public sealed record FeatureLeakScan(string Label, double Threshold, long Rows, long Positives, IReadOnlyList<FeatureAuc> Features)
{
    public IReadOnlyList<string> Offending => Features.Where(f => f.Suspicious).Select(f => f.Feature).ToList();

    public bool Passed => Offending.Count == 0;
}
