using EAmazing.Foundation.Statistics;
using EAmazing.Models.Registry;

namespace EAmazing.BusinessModels.CustomerValue;

/// <summary>
/// How a set of per-customer holdout predictions is judged: the mean absolute error of purchases per customer (the
/// primary metric), its root mean square, the ratio of predicted to actual purchases in total, and the mean absolute
/// error of revenue per customer; each with a 95% bootstrap interval over customers.
/// </summary>
public static class CustomerValueMetrics
{
    public const string PurchasesMae = "holdout_purchases_mae";
    public const string PurchasesRmse = "holdout_purchases_rmse";
    public const string TotalRatio = "holdout_total_ratio";
    public const string RevenueMae = "holdout_revenue_mae";

    public static IReadOnlyList<string> Names { get; } = [PurchasesMae, PurchasesRmse, TotalRatio, RevenueMae];

    /// <summary>One customer's prediction and outcome in the holdout.</summary>
    public readonly record struct Pair(double PredictedPurchases, int ActualPurchases, double PredictedRevenue, double ActualRevenue);

    public static double Mae(IReadOnlyList<Pair> pairs) => Mean(pairs, p => Math.Abs(p.PredictedPurchases - p.ActualPurchases));

    /// <summary>The four metrics with their intervals, from one bootstrap pass over the customers (the same resamples each had with its own pass).</summary>
    public static IReadOnlyList<NamedEstimate> Estimates(IReadOnlyList<Pair> pairs, ulong seed)
    {
        var intervals = Bootstrap.Intervals(pairs,
        [
            Mae,
            s => Math.Sqrt(Mean(s, p => Math.Pow(p.PredictedPurchases - p.ActualPurchases, 2))),
            s => Sum(s, p => p.PredictedPurchases) / Math.Max(1, Sum(s, p => p.ActualPurchases)),
            s => Mean(s, p => Math.Abs(p.PredictedRevenue - p.ActualRevenue)),
        ], 300, seed);
        return
        [
            new(PurchasesMae, intervals[0], HigherIsBetter: false),
            new(PurchasesRmse, intervals[1], HigherIsBetter: false),
            // Closer to 1 is better; the gates never compare it (it is not primary).
            new(TotalRatio, intervals[2]),
            new(RevenueMae, intervals[3], HigherIsBetter: false),
        ];
    }

    // A loop over the array the bootstrap hands each metric, adding in the order LINQ's Sum and Average add (the same
    // values to the bit): each of 300 resamples of a full-scale holdout (1.2M customers) runs every metric, and the
    // bootstrap was most of the training's time.
    private static double Mean(IReadOnlyList<Pair> pairs, Func<Pair, double> value) =>
        pairs.Count == 0 ? throw new InvalidOperationException("no customers") : Sum(pairs, value) / pairs.Count;

    private static double Sum(IReadOnlyList<Pair> pairs, Func<Pair, double> value)
    {
        var items = pairs as Pair[] ?? [.. pairs];
        var sum = 0.0;
        foreach (var pair in items)
        {
            sum += value(pair);
        }

        return sum;
    }
}
