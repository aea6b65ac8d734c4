namespace EAmazing.Foundation.Statistics;

/// <summary>
/// Threshold-free and threshold metrics of a probabilistic binary classifier. Implemented here
/// (rank-based AUC, average precision, log-loss, Brier, expected calibration error, lift) rather
/// than through ML.NET's evaluator because bootstrap confidence intervals recompute them thousands
/// of times on resampled arrays; tests check them against ML.NET's evaluator on the same scores.
/// </summary>
public static class BinaryMetrics
{
    internal const double Epsilon = 1e-15;

    /// <summary>ROC-AUC by the rank-sum (Mann–Whitney) formula, ties counted as half.</summary>
    public static double RocAuc(IReadOnlyList<ScoredExample> examples) =>
        RocAuc(examples.Select(e => (double)e.Probability).ToArray(), examples.Select(e => e.Label).ToArray());

    /// <summary>
    /// ROC-AUC of any score against a binary label: the one implementation the platform uses (model metrics,
    /// the generator's oracle check, the leakage audit's single-feature scan). NaN when a class is absent.
    /// </summary>
    public static double RocAuc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        if (scores.Count != labels.Count)
        {
            throw new ArgumentException("scores and labels differ in length");
        }

        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double positives = labels.Count(l => l), negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        double rankSum = 0;
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j < order.Length && scores[order[j]].Equals(scores[order[i]]))
            {
                j++;
            }

            var averageRank = (i + j + 1) / 2.0;
            for (var k = i; k < j; k++)
            {
                if (labels[order[k]])
                {
                    rankSum += averageRank;
                }
            }

            i = j;
        }

        return (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }

    /// <summary>Area under the precision–recall curve as average precision (step-wise, scikit-learn's definition).</summary>
    public static double PrAuc(IReadOnlyList<ScoredExample> examples)
    {
        var sorted = examples.OrderByDescending(e => e.Probability).ToArray();
        double positives = sorted.Count(e => e.Label);
        if (positives == 0)
        {
            return double.NaN;
        }

        double tp = 0, fp = 0, previousRecall = 0, area = 0;
        for (var i = 0; i < sorted.Length;)
        {
            var j = i;
            while (j < sorted.Length && sorted[j].Probability == sorted[i].Probability)
            {
                if (sorted[j].Label) tp++;
                else fp++;
                j++;
            }

            var recall = tp / positives;
            area += (recall - previousRecall) * (tp / (tp + fp));
            previousRecall = recall;
            i = j;
        }

        return area;
    }

    public static double LogLoss(IReadOnlyList<ScoredExample> examples) =>
        examples.Average(e => -Math.Log(Math.Clamp(e.Label ? e.Probability : 1 - e.Probability, Epsilon, 1)));

    public static double Brier(IReadOnlyList<ScoredExample> examples) =>
        examples.Average(e => Math.Pow(e.Probability - (e.Label ? 1 : 0), 2));

    /// <summary>Expected calibration error over equal-width probability bins, weighted by bin size.</summary>
    public static double ExpectedCalibrationError(IReadOnlyList<ScoredExample> examples, int bins = 10) =>
        CalibrationBins(examples, bins).Sum(b => b.Count * Math.Abs(b.MeanProbability - b.ObservedRate)) / examples.Count;

    public static IReadOnlyList<CalibrationBin> CalibrationBins(IReadOnlyList<ScoredExample> examples, int bins = 10) =>
        examples
            .GroupBy(e => Math.Min(bins - 1, (int)(e.Probability * bins)))
            .OrderBy(g => g.Key)
            .Select(g => new CalibrationBin(g.Key / (double)bins, (g.Key + 1) / (double)bins, g.Count(), g.Average(e => e.Probability), g.Average(e => e.Label ? 1.0 : 0.0)))
            .ToList();

    /// <summary>Purchase rate among the top-scored tenth, over the overall rate.</summary>
    public static double LiftAtTopDecile(IReadOnlyList<ScoredExample> examples)
    {
        var baseRate = examples.Average(e => e.Label ? 1.0 : 0.0);
        var top = examples.OrderByDescending(e => e.Probability).Take(Math.Max(1, examples.Count / 10)).ToArray();
        return baseRate == 0 ? double.NaN : top.Average(e => e.Label ? 1.0 : 0.0) / baseRate;
    }

    /// <summary>Points of the ROC curve (false positive rate, true positive rate), one per distinct score.</summary>
    public static IReadOnlyList<(double Fpr, double Tpr)> RocCurve(IReadOnlyList<ScoredExample> examples)
    {
        var sorted = examples.OrderByDescending(e => e.Probability).ToArray();
        double positives = sorted.Count(e => e.Label), negatives = sorted.Length - positives;
        var points = new List<(double, double)> { (0, 0) };
        double tp = 0, fp = 0;
        for (var i = 0; i < sorted.Length;)
        {
            var j = i;
            while (j < sorted.Length && sorted[j].Probability == sorted[i].Probability)
            {
                if (sorted[j].Label) tp++;
                else fp++;
                j++;
            }

            points.Add((negatives == 0 ? 0 : fp / negatives, positives == 0 ? 0 : tp / positives));
            i = j;
        }

        return points;
    }

    /// <summary>Points of the precision–recall curve (recall, precision).</summary>
    public static IReadOnlyList<(double Recall, double Precision)> PrecisionRecallCurve(IReadOnlyList<ScoredExample> examples)
    {
        var sorted = examples.OrderByDescending(e => e.Probability).ToArray();
        double positives = sorted.Count(e => e.Label);
        var points = new List<(double, double)>();
        double tp = 0, fp = 0;
        for (var i = 0; i < sorted.Length;)
        {
            var j = i;
            while (j < sorted.Length && sorted[j].Probability == sorted[i].Probability)
            {
                if (sorted[j].Label) tp++;
                else fp++;
                j++;
            }

            points.Add((positives == 0 ? 0 : tp / positives, tp / (tp + fp)));
            i = j;
        }

        return points;
    }
}

/// <summary>One bin of a calibration (reliability) plot.</summary>
public sealed record CalibrationBin(double From, double To, int Count, double MeanProbability, double ObservedRate);
