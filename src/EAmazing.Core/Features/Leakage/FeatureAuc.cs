namespace EAmazing.Features.Leakage;

/// <summary>How well one feature alone separates the label: ROC-AUC, and max(AUC, 1 − AUC) judged against the threshold.</summary>
public sealed record FeatureAuc(string Feature, double Auc, long Rows, bool Judged, bool Suspicious)
{
    public double Separation => Math.Max(Auc, 1 - Auc);
}
