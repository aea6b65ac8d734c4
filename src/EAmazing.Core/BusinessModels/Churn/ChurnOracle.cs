using EAmazing.Privacy;
using EAmazing.Sources.Synthetic.Oracle;
using EAmazing.Sources.Synthetic.Truth;

namespace EAmazing.BusinessModels.Churn;

/// <summary>
/// The world's own churn probability for chosen rows: the probability of no purchase in [as-of, as-of + horizon) given the
/// world's state at the as-of time, by simulation (<see cref="PurchaseOracle"/>). Raw ids of the world are pseudonymised
/// with the lake's key to match the rows and never kept. Each estimate is shrunk by half a replicate towards ½
/// ((k + ½) / (n + 1)), so a finite simulation never claims certainty that would make the log-loss infinite; the order,
/// and so the AUC, is unchanged. Beside it, on the same rows and the same simulated futures, a partial oracle that knows the
/// user's traits and rates but not the world's churn clock (<see cref="PurchaseOracle.OutlookWithoutClock"/>): it sees
/// the user's last visit, as the data does, and weighs "gone" and "still active" by their posterior; the gap between the
/// two is what the hidden clock alone is worth, and a model that sees only behaviour is bounded by the partial one's
/// information (and further by not knowing the rates).
/// </summary>
public static class ChurnOracle
{
    /// <summary>Null when the folder holds no world (real data).</summary>
    public static OracleAnswer? ForRows(
        string truthFolder, Pseudonymiser pseudonymiser, IReadOnlyList<string> users, IReadOnlyList<DateTime> asOf, IReadOnlyList<DateTime> lastSeen, IReadOnlyList<int> rows,
        int horizonDays, int replicates, ulong seed, IProgress<string>? progress = null)
    {
        if (!File.Exists(Path.Combine(truthFolder, TruthFiles.World)))
        {
            return null;
        }

        progress?.Report($"oracle: simulating {rows.Count:N0} users' next {horizonDays} days from the world's state ({replicates} futures each)");
        var oracle = new PurchaseOracle(WorldOracle.Load(truthFolder).World);
        var wanted = rows.Select(i => users[i]).ToHashSet(StringComparer.Ordinal);
        var raw = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var id in oracle.UserIds())
        {
            var pseudonym = pseudonymiser.User(id);
            if (wanted.Contains(pseudonym))
            {
                raw[pseudonym] = id;
            }
        }

        var probabilities = new double?[users.Count];
        var withoutClock = new double?[users.Count];
        var errors = new List<double>(rows.Count);
        var errorsWithoutClock = new List<double>(rows.Count);
        foreach (var i in rows)
        {
            if (raw.TryGetValue(users[i], out var id))
            {
                var outlook = oracle.Outlook(id, asOf[i], horizonDays, replicates, seed);
                probabilities[i] = Shrunk(outlook.ProbabilityNoPurchase, replicates);
                errors.Add(outlook.NoPurchaseStandardError);
                var blind = oracle.OutlookWithoutClock(id, asOf[i], lastSeen[i], horizonDays, replicates, seed);
                withoutClock[i] = Shrunk(blind.ProbabilityNoPurchase, replicates);
                errorsWithoutClock.Add(blind.NoPurchaseStandardError);
            }
        }

        return new OracleAnswer(probabilities, errors.Count, errors.Count == 0 ? 0 : errors.Average(),
            withoutClock, errorsWithoutClock.Count == 0 ? 0 : errorsWithoutClock.Average());
    }

    private static double Shrunk(double probability, int replicates) => ((probability * replicates) + 0.5) / (replicates + 1);

    /// <param name="Probabilities">Per row of the data: the oracle's churn probability, null where not asked or not matched.</param>
    /// <param name="Matched">Rows answered.</param>
    /// <param name="MeanStandardError">The mean Monte Carlo standard error of the answers.</param>
    /// <param name="WithoutClock">Per row: the partial oracle's churn probability (traits and rates known, churn clock not).</param>
    /// <param name="WithoutClockStandardError">Its mean Monte Carlo standard error.</param>
    public sealed record OracleAnswer(
        IReadOnlyList<double?> Probabilities, int Matched, double MeanStandardError, IReadOnlyList<double?> WithoutClock, double WithoutClockStandardError);
}
