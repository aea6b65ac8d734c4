using EAmazing.Foundation.Statistics;

namespace EAmazing.Models.Evaluation;

/// <summary>Counts at one decision threshold.</summary>
public readonly record struct ConfusionMatrix(long TruePositives, long FalsePositives, long TrueNegatives, long FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static ConfusionMatrix At(IReadOnlyList<ScoredExample> examples, double threshold)
    {
        long tp = 0, fp = 0, tn = 0, fn = 0;
        foreach (var e in examples)
        {
            var predicted = e.Probability >= threshold;
            if (predicted && e.Label) tp++;
            else if (predicted) fp++;
            else if (e.Label) fn++;
            else tn++;
        }

        return new ConfusionMatrix(tp, fp, tn, fn);
    }
}
