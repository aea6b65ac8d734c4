using EAmazing.Foundation.Statistics;

namespace EAmazing.Features.Leakage;

/// <summary>ROC-AUC of a feature against a label for the leakage scan. A missing value ranks lowest.</summary>
public static class RocAuc
{
    /// <summary>The AUC, or NaN when one class is absent.</summary>
    public static double Of(IReadOnlyList<double?> scores, IReadOnlyList<bool> labels) =>
        BinaryMetrics.RocAuc(scores.Select(s => s ?? double.NegativeInfinity).ToArray(), labels);
}
