namespace EAmazing.BusinessModels.Recommendation.Evaluation;

/// <summary>
/// Next-item metrics of one predicted event with a single relevant item at rank r (0: not in the list): Recall@K
/// (hit rate) = [r ≤ K], MRR@K = 1/r when r ≤ K, NDCG@K = 1/log₂(r + 1) when r ≤ K (the ideal DCG is 1).
/// Means are over predicted events (micro averages, as the published protocols report them).
/// </summary>
public static class RankingMetrics
{
    public static IReadOnlyList<int> Cutoffs { get; } = [10, 20];

    public static string Recall(int k) => $"recall_at_{k}";

    public static string Mrr(int k) => $"mrr_at_{k}";

    public static string Ndcg(int k) => $"ndcg_at_{k}";

    public static IReadOnlyList<string> Names { get; } = [Recall(20), Mrr(20), Ndcg(20), Recall(10), Mrr(10), Ndcg(10)];

    public static double RecallOf(int rank, int k) => rank >= 1 && rank <= k ? 1 : 0;

    public static double MrrOf(int rank, int k) => rank >= 1 && rank <= k ? 1.0 / rank : 0;

    public static double NdcgOf(int rank, int k) => rank >= 1 && rank <= k ? 1.0 / Math.Log2(rank + 1) : 0;

    /// <summary>The metric of one event by name.</summary>
    public static double Of(string metric, int rank)
    {
        var parts = metric.Split("_at_");
        var k = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        return parts[0] switch
        {
            "recall" => RecallOf(rank, k),
            "mrr" => MrrOf(rank, k),
            "ndcg" => NdcgOf(rank, k),
            _ => throw new ArgumentException($"unknown ranking metric '{metric}'", nameof(metric)),
        };
    }

    /// <summary>The micro average over every event of the given sessions.</summary>
    public static double Mean(IReadOnlyList<IReadOnlyList<PredictionOutcome>> sessions, string metric)
    {
        double sum = 0;
        long count = 0;
        foreach (var session in sessions)
        {
            foreach (var outcome in session)
            {
                sum += Of(metric, outcome.Rank);
                count++;
            }
        }

        return count == 0 ? double.NaN : sum / count;
    }
}
