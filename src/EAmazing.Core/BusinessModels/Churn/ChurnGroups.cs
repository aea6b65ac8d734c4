using EAmazing.Foundation.Statistics;

namespace EAmazing.BusinessModels.Churn;

/// <summary>
/// Test metrics per group of users: all, those with a past purchase and those who never bought (their churn is a different
/// question: will a browser start buying), for every method side by side, each AUC and log-loss with a bootstrap interval.
/// </summary>
public static class ChurnGroups
{
    public const string All = "all users";
    public const string Buyers = "with past purchases";
    public const string NeverBought = "without past purchases";

    /// <param name="hasPurchased">Per test row: whether the user bought before the as-of time.</param>
    /// <param name="methods">Per method, per test row: its score and the label, or null where the method has no answer (the oracle on unmatched rows).</param>
    public static IReadOnlyList<ChurnGroupRow> Measure(IReadOnlyList<bool> hasPurchased, IReadOnlyDictionary<string, IReadOnlyList<ScoredExample?>> methods, int resamples, ulong seed)
    {
        var groups = new (string Name, Func<int, bool> In)[] { (All, _ => true), (Buyers, i => hasPurchased[i]), (NeverBought, i => !hasPurchased[i]) };
        var rows = new List<ChurnGroupRow>();
        foreach (var (name, inGroup) in groups)
        {
            foreach (var (method, scores) in methods)
            {
                var examples = Enumerable.Range(0, scores.Count).Where(i => inGroup(i) && scores[i] is not null).Select(i => scores[i]!.Value).ToArray();
                if (examples.Length == 0)
                {
                    continue;
                }

                var churned = examples.Count(e => e.Label);
                var intervals = BinaryBootstrap.Intervals(examples, 0.5, resamples, seed);
                // AUC needs both classes; a group without one is reported with its size and rate only.
                var auc = churned > 0 && churned < examples.Length ? intervals.RocAuc : null;
                rows.Add(new ChurnGroupRow(name, method, examples.Length, churned / (double)examples.Length, auc, intervals.LogLoss));
            }
        }

        return rows;
    }
}

/// <summary>One method on one group of test users.</summary>
public sealed record ChurnGroupRow(string Group, string Method, int Users, double ChurnRate, ConfidenceInterval? Auc, ConfidenceInterval LogLoss);
