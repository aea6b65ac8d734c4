using System.Diagnostics;
using System.Globalization;
using EAmazing.BusinessModels.Recommendation.Data;
using EAmazing.BusinessModels.Recommendation.Evaluation;
using EAmazing.BusinessModels.Recommendation.Methods;
using EAmazing.BusinessModels.Recommendation.Serving;
using EAmazing.Features;
using EAmazing.Foundation.Randomness;
using EAmazing.Foundation.Statistics;
using EAmazing.Models.Business;
using EAmazing.Models.Registry;

namespace EAmazing.BusinessModels.Recommendation;

/// <summary>
/// One recommender training run: silver sessions prepared as the request says, then the methods compared on the
/// request's protocol (<see cref="RecommendationComparison"/>: last day, or daily incremental) beside the world's oracle
/// on the same test events; the method best on validation becomes the version (card, report, registry).
/// </summary>
public sealed class RecommendationTraining(TrainingContext context)
{
    public const string Primary = RecommendationComparison.Primary;

    public TrainingOutcome Run(RecommendationRequest request, IProgress<string>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var comparison = Compare(request, progress);
        var results = comparison.Results.ToList();
        var oracle = request.TruthFolder is not null && context.Pseudonymiser is not null
            ? NextItemOracle.Rank(request.TruthFolder, context.Pseudonymiser, comparison.TestSessions, request.Preparation.RemoveRepeats, progress)
            : null;
        var chosen = RecommendationComparison.Chosen(results);
        return Register(request, comparison, results, chosen, oracle, clock, progress);
    }

    // Each step in a frame of its own, so what it read is garbage when it returns: the sessions read (13.7M at seven full
    // scale months) once the folds are built, the validation fold once the methods are compared. A method run once is not
    // optimised by the JIT, and its locals then live until it returns: held in Run, the sessions stayed through the
    // comparison and the oracle.
    private RecommendationComparison Compare(RecommendationRequest request, IProgress<string>? progress) =>
        RecommendationComparison.Run(Split(request, progress), request, progress);

    private ComparisonFolds Split(RecommendationRequest request, IProgress<string>? progress) =>
        RecommendationComparison.Split(SessionLog.Load(context.Lake, request.Preparation, progress), request, progress);

    /// <summary>The grid entries tried (see <see cref="RecommendationComparison.Candidates"/>).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Candidates(RecommenderMethod method, int trials, ulong seed) =>
        RecommendationComparison.Candidates(method, trials, seed);

    private TrainingOutcome Register(
        RecommendationRequest request, RecommendationComparison comparison, List<MethodResult> results, MethodResult chosen, MethodEvaluation? oracle, Stopwatch clock, IProgress<string>? progress)
    {
        var seed = request.Seed;
        var split = new LastDaySplit(comparison.ValidationDay, comparison.FirstTestDay);
        var first = comparison.Folds[0];
        var last = comparison.Folds[^1];
        var test = comparison.TestSessions;
        var trainingSessions = first.TrainingSessions;
        var estimates = RankingMetrics.Names.Select(n => new NamedEstimate(n, chosen.Test.Interval(n, seed))).ToList();
        estimates.Add(new NamedEstimate("conversion_hit_rate_at_20", chosen.Test.ConversionHitRate(seed)));
        var unseen = string.Create(CultureInfo.InvariantCulture, $"{test.Sum(s => s.Items.Skip(1).Count(i => i < 0)) / (double)Math.Max(1, chosen.Test.Events):P1} of test targets");
        var notes = new List<TrainingNote>
        {
            comparison.Protocol == RecommendationProtocol.LastDay
                ? new($"last-day protocol: train on {trainingSessions:N0} sessions ending before {split.TestDay:yyyy-MM-dd} ({first.Vocabulary.Count:N0} items), hyperparameters chosen on {split.ValidationDay:yyyy-MM-dd}, "
                    + $"test on {test.Count:N0} sessions starting {split.TestDay:yyyy-MM-dd} ({chosen.Test.Events:N0} predicted events, full-catalogue ranking; unseen items are misses: {unseen})")
                : new($"daily protocol: {comparison.Folds.Count} test days {first.Day:yyyy-MM-dd}..{last.Day:yyyy-MM-dd}, each judged on the sessions starting that day by methods trained on the sessions "
                    + $"ending before it ({first.TrainingSessions:N0}..{last.TrainingSessions:N0} sessions, {first.Vocabulary.Count:N0}..{last.Vocabulary.Count:N0} items), hyperparameters chosen once on {split.ValidationDay:yyyy-MM-dd}; "
                    + $"{test.Count:N0} test sessions, {chosen.Test.Events:N0} predicted events, full-catalogue ranking; unseen items are misses ({unseen}); metrics pool every test day's events, intervals resample sessions"
                    + (results.Any(r => !r.Method.RefitDaily) ? $"; {string.Join(", ", results.Where(r => !r.Method.RefitDaily).Select(r => r.Name))} trained once, on the sessions before {first.Day:yyyy-MM-dd}, and judged in that vocabulary every day (the others refitted daily)" : "")),
        };
        notes.AddRange(request.Preparation.Describe().Select(d => new TrainingNote("preparation: " + d)));
        notes.Add(new($"servable: {RecommenderIndexFile.FileName} holds the catalogue and the training sequences (items, times, event types; no user or session id) the server refits {chosen.Name} from"
            + (chosen.Name == "gru4rec" ? $", and {ServableRecommender.Gru4RecFileName} the network's weights (reranking co-visitation candidates)" : "")));
        ConfidenceInterval? oracleRecall = null;
        if (oracle is null)
        {
            notes.Add(new("no world truth given (--truth): no oracle row; on a generated world it ranks by the true next-item distribution"));
        }
        else
        {
            oracleRecall = oracle.Interval(Primary, seed);
            var best = results.MaxBy(r => r.Test.Mean(Primary))!;
            notes.Add(new(string.Create(CultureInfo.InvariantCulture,
                $"oracle (the world's true next-item distribution, repeats left out): recall@20 {oracleRecall}, mrr@20 {oracle.Mean(RankingMetrics.Mrr(20)):0.0000}; "
                + $"best method on test {best.Name} at {best.Test.Mean(Primary) / oracleRecall.Estimate:0.000} of the oracle's recall@20")));
        }

        if (comparison.Protocol == RecommendationProtocol.Daily)
        {
            notes.AddRange(ByDay(comparison, oracle).Select(line => new TrainingNote(line)));
        }

        var champion = context.Registry.Champion(RecommendationModel.RegistryName);
        MethodEvaluation? championTest = null;
        if (champion is not null)
        {
            var fit = RecommenderFit.Load(context.Registry.VersionFolder(champion.Name, champion.Version));
            if (RecommenderCatalog.All.FirstOrDefault(m => m.Name == fit.Method) is { } method)
            {
                progress?.Report($"re-scoring champion v{champion.Version} ({fit.Method}) on this run's test days");
                championTest = RecommendationComparison.Test(method, fit.Hyperparameters, double.NaN, 1, comparison.Folds, progress).Test;
                notes.Add(new(string.Create(CultureInfo.InvariantCulture,
                    $"champion v{champion.Version} ({fit.Method}, refitted on this training data with its own settings) on this run's test days: recall@20 {championTest.Mean(Primary):0.0000}")
                    + (fit.Preparation == request.Preparation ? "" : " (its preparation differed; re-scored with this one)")));
            }
            else
            {
                notes.Add(new($"champion v{champion.Version} uses method '{fit.Method}', which this platform no longer offers: not re-scored", IsAlarm: true));
            }
        }

        var baselines = results.Where(r => r.Method.IsBaseline && r != chosen).ToList();
        var chosenFit = new RecommenderFit(chosen.Name, chosen.Hyperparameters, request.Preparation, split.ValidationDay, (chosen.FittedOn ?? first).Vocabulary.Count);
        var card = context.Registry.Register(RecommendationModel.RegistryName,
            folder =>
            {
                var file = chosenFit.Save(folder);
                // What the server refits from: the sessions (and vocabulary) the chosen method was last fitted on, and its network if any.
                ServableIndex.Write(folder, context.Lake, chosen.FittedOn!.Vocabulary, chosen.FittedOn.Sequences, chosen.Fitted);
                RecommendationReport.Write(Path.Combine(folder, "report"), chosen, results, oracle, request.Preparation, comparison, notes, seed);
                return file;
            },
            (version, file) => new ModelCard
            {
                Name = RecommendationModel.RegistryName,
                Version = version,
                Kind = TaskKind.Ranking,
                Task = comparison.Protocol == RecommendationProtocol.LastDay
                    ? "the next item of a session given its events so far, ranked over the full catalogue; primary: recall@20 on the last day's sessions"
                    : $"the next item of a session given its events so far, ranked over the full catalogue; primary: recall@20 pooled over {comparison.Folds.Count} daily test days (train on days 1..i, test on day i+1)",
                GoldInputs = [GoldTables.Sessions.Name],
                Family = chosen.Name,
                Hyperparameters = chosen.Hyperparameters,
                Features = ["the session's items so far, their order, times and event types", "training sessions (co-occurrence, rules, neighbours, popularity)"],
                Preparation = request.Preparation.Describe(),
                ModelFile = file,
                CreatedAt = DateTime.UtcNow,
                Data = new DataWindow(At(first.TrainFrom), At(split.ValidationDay), At(split.TestDay), At(last.Day.AddDays(1)),
                    trainingSessions, comparison.ValidationSessions, test.Count, 0, []),
                Estimates = estimates,
                PrimaryMetric = Primary,
                Baselines = baselines.ToDictionary(r => r.Name, r => r.Test.Mean(Primary)),
                BaselineEstimates = baselines.ToDictionary(r => r.Name, r => (IReadOnlyList<NamedEstimate>)[new NamedEstimate(Primary, r.Test.Interval(Primary, seed))]),
                Families = results.ToDictionary(r => r.Name, r => r.Test.Mean(Primary)),
                Oracle = oracleRecall,
                ChampionOnThisWindow = championTest?.Mean(Primary),
                ChampionVersion = champion?.Version,
                ChampionEstimates = championTest is null ? null : [new NamedEstimate(Primary, championTest.Interval(Primary, seed))],
                TrialsPerFamily = request.TrialsPerMethod,
                LeakageAudit = new LeakageAuditSummary(true,
                    "by construction: training sessions end before their test day; each test event is predicted from the events before it in its session only "
                    + "(a test changes the later events and finds the same predictions); the vocabulary and item filter come from training sessions only"),
                Alarms = [],
                Seed = seed,
                CodeVersion = CodeVersion.Current,
                TrainingSeconds = clock.Elapsed.TotalSeconds,
            });

        return new TrainingOutcome(card, Table(results, chosen, oracle), notes, Summary(chosen, oracle));
    }

    private static ComparisonTable Table(IReadOnlyList<MethodResult> results, MethodResult chosen, MethodEvaluation? oracle)
    {
        IReadOnlyList<string> header = ["method", "settings", "valid r@20", "recall@20", "mrr@20", "ndcg@20", "recall@10", "mrr@10", "coverage", "pop. bias", "conv. hit", "/oracle r@20", "/oracle mrr@20", "fit s"];
        var rows = results.Select(r => (IReadOnlyList<string>)
        [
            r == chosen ? r.Name + " *" : r.Name,
            r.Settings,
            F(r.ValidationRecall),
            r.Test.Interval(Primary, 46).ToString(),
            F(r.Test.Mean(RankingMetrics.Mrr(20))),
            F(r.Test.Mean(RankingMetrics.Ndcg(20))),
            F(r.Test.Mean(RankingMetrics.Recall(10))),
            F(r.Test.Mean(RankingMetrics.Mrr(10))),
            F(r.Test.Coverage),
            F(r.Test.PopularityBias),
            F(r.Test.ConversionHitRate(46).Estimate),
            oracle is null ? "-" : F(r.Test.Mean(Primary) / oracle.Mean(Primary)),
            oracle is null ? "-" : F(r.Test.Mean(RankingMetrics.Mrr(20)) / oracle.Mean(RankingMetrics.Mrr(20))),
            r.FitSeconds.ToString("0.0", CultureInfo.InvariantCulture),
        ]).ToList();
        if (oracle is not null)
        {
            rows.Add(["oracle", "true next-item distribution", "-", oracle.Interval(Primary, 46).ToString(), F(oracle.Mean(RankingMetrics.Mrr(20))), F(oracle.Mean(RankingMetrics.Ndcg(20))),
                F(oracle.Mean(RankingMetrics.Recall(10))), F(oracle.Mean(RankingMetrics.Mrr(10))), "-", "-", "-", "1.000", "1.000", "-"]);
        }

        return new ComparisonTable(header, rows);
    }

    private static string Summary(MethodResult chosen, MethodEvaluation? oracle) =>
        string.Create(CultureInfo.InvariantCulture, $"{chosen.Name}: recall@20 {chosen.Test.Mean(Primary):0.0000}, mrr@20 {chosen.Test.Mean(RankingMetrics.Mrr(20)):0.0000}")
        + (oracle is null ? "" : string.Create(CultureInfo.InvariantCulture, $"; oracle recall@20 {oracle.Mean(Primary):0.0000} (ratio {chosen.Test.Mean(Primary) / oracle.Mean(Primary):0.000})"));

    /// <summary>One line per test day: the oracle's recall@20 and each method's, with its ratio to the oracle.</summary>
    public static IEnumerable<string> ByDay(RecommendationComparison comparison, MethodEvaluation? oracle)
    {
        var skip = 0;
        for (var d = 0; d < comparison.Folds.Count; d++)
        {
            var fold = comparison.Folds[d];
            var dayOracle = oracle?.Slice(skip, fold.Test.Count);
            skip += fold.Test.Count;
            var oracleRecall = dayOracle?.Mean(Primary);
            yield return string.Create(CultureInfo.InvariantCulture, $"by day {fold.Day:yyyy-MM-dd} ({fold.Test.Count:N0} sessions, {comparison.Results[0].Days[d].Evaluation.Events:N0} events): ")
                + (oracleRecall is { } o ? string.Create(CultureInfo.InvariantCulture, $"oracle recall@20 {o:0.0000}; ") : "")
                + string.Join(", ", comparison.Results.Select(r => string.Create(CultureInfo.InvariantCulture,
                    $"{r.Name} {r.Days[d].Evaluation.Mean(Primary):0.0000}{(oracleRecall is { } or ? $" ({r.Days[d].Evaluation.Mean(Primary) / or:0.000}×)" : "")}")));
        }
    }

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static DateTime At(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
