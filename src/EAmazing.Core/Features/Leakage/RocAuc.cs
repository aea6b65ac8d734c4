namespace EAmazing.Features.Leakage;

/// <summary>ROC-AUC of a score against a binary label (Mann–Whitney U with average ranks for ties). A missing value ranks lowest.</summary>
public static class RocAuc
{
    /// <summary>The AUC, or NaN when one class is absent.</summary>
    public static double Of(IReadOnlyList<double?> scores, IReadOnlyList<bool> labels)
    {
        if (scores.Count != labels.Count)
        {
            throw new ArgumentException("scores and labels differ in length");
        }

        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i] ?? double.NegativeInfinity).ToArray();
        long positives = labels.Count(l => l);
        long negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        double positiveRankSum = 0;
        for (var start = 0; start < order.Length;)
        {
            var value = scores[order[start]] ?? double.NegativeInfinity;
            var end = start;
            while (end < order.Length && (scores[order[end]] ?? double.NegativeInfinity).Equals(value))
            {
                end++;
            }

            var averageRank = (start + 1 + end) / 2.0; // ranks start+1 … end
            for (var i = start; i < end; i++)
            {
                if (labels[order[i]])
                {
                    positiveRankSum += averageRank;
                }
            }

            start = end;
        }

        return (positiveRankSum - (positives * (positives + 1) / 2.0)) / (positives * (double)negatives);
    }
}
