using System.Diagnostics;
using System.Globalization;
using EAmazing.BusinessModels.Recommendation.Data;
using EAmazing.BusinessModels.Recommendation.Evaluation;
using EAmazing.BusinessModels.Recommendation.Methods;
using EAmazing.Foundation.Randomness;

namespace EAmazing.BusinessModels.Recommendation;

/// <summary>
/// The comparison of a recommender run, on sessions already read: each method's grid searched by Recall@20 on the
/// validation day (fitted on the days before it), then each method with its chosen setting fitted on the sessions
/// ending before each test day and ranked over the full catalogue on the sessions starting that day (one test day for
/// the last-day protocol, the final <see cref="RecommendationRequest.TestDays"/> for the daily one; a method that is
/// not <see cref="RecommenderMethod.RefitDaily"/> is fitted once, for the first test day, and judged in that vocabulary
/// on every later day). Every seeded method takes the run's seed.
/// </summary>
public sealed record RecommendationComparison(
    RecommendationProtocol Protocol, DateOnly ValidationDay, int ValidationSessions, IReadOnlyList<ProtocolFold> Folds, IReadOnlyList<MethodResult> Results)
{
    public const string Primary = "recall_at_20";

    /// <summary>Every test day's sessions, in day order (the order of each method's pooled evaluation).</summary>
    public IReadOnlyList<TestSession> TestSessions => Folds.SelectMany(f => f.Test).ToList();

    public DateOnly FirstTestDay => Folds[0].Day;

    public DateOnly LastTestDay => Folds[^1].Day;

    /// <exception cref="InvalidOperationException">Too few days, or a day with nothing to train on or score.</exception>
    public static RecommendationComparison Run(IReadOnlyList<RawSession> all, RecommendationRequest request, IProgress<string>? progress = null) =>
        Run(Split(all, request, progress), request, progress);

    /// <summary>
    /// The protocol's days and folds from the sessions read. Once they are built the sessions themselves are no longer
    /// needed (the folds keep what they use): a caller that lets them go before <see cref="Run(ComparisonFolds, RecommendationRequest, IProgress{string}?)"/>
    /// compares the methods without them (the last 31 days of seven full-scale months: 13.7M sessions).
    /// </summary>
    /// <exception cref="InvalidOperationException">Too few days, or a day with nothing to train on or score.</exception>
    public static ComparisonFolds Split(IReadOnlyList<RawSession> all, RecommendationRequest request, IProgress<string>? progress = null)
    {
        var (validationDay, testDays) = request.Protocol == RecommendationProtocol.Daily
            ? DailySplit.Of(all, request.TestDays) is var daily ? (daily.ValidationDay, daily.TestDays) : default
            : LastDaySplit.Of(all) is var last ? (last.ValidationDay, (IReadOnlyList<DateOnly>)[last.TestDay]) : default;

        var search = ProtocolFold.Build(all, validationDay, request.Preparation);
        var validation = Sample(search.TestRaw, request.ValidationSessions, request.Seed).Select(s => TestSession.Map(s, search.Vocabulary)).ToList();
        var folds = testDays.Select(d => ProtocolFold.Build(all, d, request.Preparation)).ToList();
        progress?.Report($"validation {validation.Count:N0} sessions on {validationDay:yyyy-MM-dd} (trained on {search.TrainingSessions:N0}); "
            + string.Join("; ", folds.Select(f => $"test {f.Day:yyyy-MM-dd}: {f.Test.Count:N0} sessions, trained on {f.TrainingSessions:N0} ({f.Vocabulary.Count:N0} items)")));
        return new ComparisonFolds(validationDay, search, validation, folds);
    }

    /// <summary>Each method's grid searched on the validation day, then the chosen setting judged on every test fold.</summary>
    public static RecommendationComparison Run(ComparisonFolds split, RecommendationRequest request, IProgress<string>? progress = null)
    {
        var (validationDay, search, validation, folds) = split;
        var methods = WithBaselines(request.Methods);
        var results = new List<MethodResult>();
        foreach (var method in methods)
        {
            var candidates = Candidates(method, request.TrialsPerMethod, request.Seed);
            var best = candidates[0];
            var bestRecall = double.NegativeInfinity;
            foreach (var candidate in candidates)
            {
                var recommender = method.Create(candidate);
                recommender.Fit(search.Sequences, search.Vocabulary.Count);
                var recall = NextItemEvaluator.Evaluate(recommender, validation, search.Vocabulary.Count, search.Vocabulary.Counts).Mean(Primary);
                progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{method.Name} {Describe(candidate)}: validation recall@20 {recall:0.0000}"));
                if (recall > bestRecall)
                {
                    (best, bestRecall) = (candidate, recall);
                }
            }

            results.Add(Test(method, best, bestRecall, candidates.Count, folds, progress));
            // Only the method that would be chosen keeps its fitted recommender (the registry may store its network); the
            // others' graphs and session indexes are let go as the run goes, not held until its end.
            var leader = Chosen(results);
            for (var i = 0; i < results.Count; i++)
            {
                if (!ReferenceEquals(results[i], leader) && results[i].Fitted is not null)
                {
                    results[i] = results[i] with { Fitted = null };
                }
            }
        }

        return new RecommendationComparison(request.Protocol, validationDay, validation.Count, folds, results);
    }

    /// <summary>The result a run registers: the best validation recall among the methods that are not baselines (among all when only baselines ran), the first on a tie.</summary>
    public static MethodResult Chosen(IReadOnlyList<MethodResult> results)
    {
        var contenders = results.Where(r => !r.Method.IsBaseline).ToList();
        return (contenders.Count > 0 ? contenders : results).MaxBy(r => r.ValidationRecall)!;
    }

    /// <summary>One method with one setting on every test day: refitted per day, or fitted once for the first when it is not <see cref="RecommenderMethod.RefitDaily"/>.</summary>
    public static MethodResult Test(
        RecommenderMethod method, IReadOnlyDictionary<string, string> settings, double validationRecall, int candidates, IReadOnlyList<ProtocolFold> folds, IProgress<string>? progress)
    {
        var days = new List<DayEvaluation>();
        ISessionRecommender? recommender = null;
        ProtocolFold basis = folds[0];
        foreach (var fold in folds)
        {
            var watch = Stopwatch.StartNew();
            var fitSeconds = 0.0;
            if (recommender is null || method.RefitDaily)
            {
                recommender = method.Create(settings);
                recommender.Fit(fold.Sequences, fold.Vocabulary.Count);
                basis = fold;
                fitSeconds = watch.Elapsed.TotalSeconds;
            }

            watch.Restart();
            var evaluation = NextItemEvaluator.Evaluate(recommender, fold.TestIn(basis.Vocabulary), basis.Vocabulary.Count, basis.Vocabulary.Counts);
            days.Add(new DayEvaluation(fold.Day, evaluation, fitSeconds, watch.Elapsed.TotalSeconds));
            progress?.Report(string.Create(CultureInfo.InvariantCulture,
                $"{method.Name} on {fold.Day:yyyy-MM-dd}: recall@20 {evaluation.Mean(Primary):0.0000}, mrr@20 {evaluation.Mean(RankingMetrics.Mrr(20)):0.0000} (fit {fitSeconds:0.0} s{(basis == fold ? "" : $", trained once for {basis.Day:yyyy-MM-dd}")})"));
        }

        return new MethodResult(method, settings, validationRecall, candidates, MethodEvaluation.Pool(days.Select(d => d.Evaluation).ToList()),
            days.Sum(d => d.FitSeconds), days.Sum(d => d.EvaluationSeconds), days) { Fitted = recommender, FittedOn = basis };
    }

    /// <summary>The grid entries tried: the default first, then the others in a seeded shuffle, <paramref name="trials"/> in all, each with the run's seed when the method is seeded.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Candidates(RecommenderMethod method, int trials, ulong seed)
    {
        var rest = method.Grid.Skip(1).ToList();
        var rng = Xoshiro256.For(seed, StableHash.Of(method.Name));
        for (var i = rest.Count - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (rest[i], rest[j]) = (rest[j], rest[i]);
        }

        return [.. new[] { method.Grid[0] }.Concat(rest.Take(Math.Max(0, trials - 1))).Select(c => method.WithSeed(c, seed))];
    }

    /// <summary>The methods asked for, with both popularity baselines first (the gates need them).</summary>
    private static List<RecommenderMethod> WithBaselines(IReadOnlyList<RecommenderMethod> asked)
    {
        var methods = asked.Any(m => m.Name == PopularityRecommender.MethodName) ? asked.ToList() : [RecommenderCatalog.Find(PopularityRecommender.MethodName), .. asked];
        if (!methods.Any(m => m.Name == TrailingDayPopularityRecommender.MethodName))
        {
            methods.Insert(1, RecommenderCatalog.Find(TrailingDayPopularityRecommender.MethodName));
        }

        return methods;
    }

    private static List<RawSession> Sample(IReadOnlyList<RawSession> sessions, int most, ulong seed)
    {
        if (sessions.Count <= most)
        {
            return sessions.ToList();
        }

        var rng = Xoshiro256.For(seed, 0x5EC5);
        return sessions.Select(s => (Key: rng.NextUInt64(), Session: s)).OrderBy(x => x.Key).Take(most).Select(x => x.Session).ToList();
    }

    private static string Describe(IReadOnlyDictionary<string, string> settings) => settings.Count == 0 ? "(no settings)" : string.Join(" ", settings.Select(kv => $"{kv.Key}={kv.Value}"));
}
