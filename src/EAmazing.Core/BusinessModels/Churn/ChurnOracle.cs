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
/// information (and further by not knowing the rates). Third, with the users' observed sessions, the observable oracle
/// (<see cref="ObservableChurnOracle"/>): it knows neither traits, rates nor clock, only each user's sessions before the
/// as-of time (times, carts, purchases, as the lake shows them) and the world's priors, and weighs the world's possible
/// users by the likelihood of that history: the ceiling of a model that sees that behaviour.
/// </summary>
public static class ChurnOracle
{
    /// <summary>Null when the folder holds no world (real data).</summary>
    public static OracleAnswer? ForRows(
        string truthFolder, Pseudonymiser pseudonymiser, IReadOnlyList<string> users, IReadOnlyList<DateTime> asOf, IReadOnlyList<DateTime> lastSeen, IReadOnlyList<int> rows,
        int horizonDays, int replicates, ulong seed, ObservedHistories? histories = null, IProgress<string>? progress = null)
    {
        if (!File.Exists(Path.Combine(truthFolder, TruthFiles.World)))
        {
            return null;
        }

        progress?.Report($"oracle: simulating {rows.Count:N0} users' next {horizonDays} days from the world's state ({replicates} futures each)");
        var world = WorldOracle.Load(truthFolder).World;
        var oracle = new PurchaseOracle(world);
        var raw = pseudonymiser.Matching(oracle.UserIds().ToArray(), rows.Select(i => users[i]).ToHashSet(StringComparer.Ordinal));

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

        var observable = new double?[users.Count];
        var sampleSizes = new List<double>(rows.Count);
        var observableErrors = new List<double>(rows.Count);
        if (histories is not null)
        {
            progress?.Report($"observable oracle: the posterior over the world's users given each of {rows.Count:N0} users' sessions");
            var epoch = world.Window.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var posterior = new ObservableChurnOracle(world, seed);
            foreach (var i in rows)
            {
                var sessions = histories.Before(users[i], asOf[i], epoch);
                if (sessions.Count > 0)
                {
                    var answer = posterior.Outlook(sessions, (asOf[i] - epoch).TotalDays, horizonDays);
                    observable[i] = answer.ProbabilityNoPurchase;
                    sampleSizes.Add(answer.EffectiveSampleSize);
                    observableErrors.Add(answer.StandardError);
                }
            }
        }

        sampleSizes.Sort();
        return new OracleAnswer(probabilities, errors.Count, errors.Count == 0 ? 0 : errors.Average(),
            withoutClock, errorsWithoutClock.Count == 0 ? 0 : errorsWithoutClock.Average(),
            histories is null ? null : observable, sampleSizes.Count, sampleSizes.Count == 0 ? 0 : sampleSizes[sampleSizes.Count / 2], sampleSizes.Count == 0 ? 0 : sampleSizes[0],
            observableErrors.Count == 0 ? 0 : observableErrors.Average());
    }

    private static double Shrunk(double probability, int replicates) => ((probability * replicates) + 0.5) / (replicates + 1);

    /// <param name="Probabilities">Per row of the data: the oracle's churn probability, null where not asked or not matched.</param>
    /// <param name="Matched">Rows answered.</param>
    /// <param name="MeanStandardError">The mean Monte Carlo standard error of the answers.</param>
    /// <param name="WithoutClock">Per row: the partial oracle's churn probability (traits and rates known, churn clock not).</param>
    /// <param name="WithoutClockStandardError">Its mean Monte Carlo standard error.</param>
    /// <param name="Observable">Per row: the observable oracle's churn probability (null for all when no histories were given).</param>
    /// <param name="ObservableMatched">Rows the observable oracle answered (those with a session before their as-of time).</param>
    /// <param name="ObservableMedianSampleSize">The median effective sample size of its importance weights.</param>
    /// <param name="ObservableMinimumSampleSize">The smallest.</param>
    /// <param name="ObservableStandardError">The mean importance-sampling standard error of its answers.</param>
    public sealed record OracleAnswer(
        IReadOnlyList<double?> Probabilities, int Matched, double MeanStandardError, IReadOnlyList<double?> WithoutClock, double WithoutClockStandardError,
        IReadOnlyList<double?>? Observable = null, int ObservableMatched = 0, double ObservableMedianSampleSize = 0, double ObservableMinimumSampleSize = 0, double ObservableStandardError = 0);
}
