using System.Runtime.CompilerServices;
using EAmazing.BusinessModels.Recommendation;
using EAmazing.BusinessModels.Recommendation.Data;
using EAmazing.BusinessModels.Recommendation.Evaluation;
using EAmazing.BusinessModels.Recommendation.Methods;

namespace EAmazing.Core.Tests.BusinessModels.Recommendation;

/// <summary>The daily incremental protocol (train on days 1..i, test on day i + 1) and the run's seed reaching the recurrent network.</summary>
public sealed class DailyProtocolTests
{
    private static readonly DateOnly Day0 = new(2019, 10, 1);

    [Fact]
    public void The_daily_split_tests_the_final_days_validates_on_the_day_before_and_trains_each_day_on_sessions_ended_before_it()
    {
        // Days 0..4; one session runs from day 2 across midnight into day 3: it is training for day 4 only, test for no day.
        var d = 86_400L;
        var t0 = 1_569_888_000L;
        List<RawSession> sessions =
        [
            At(t0 + 100, 1, 2), At(t0 + d + 100, 1, 2), At(t0 + (2 * d) + 100, 2, 3), At(t0 + (3 * d) - 50, 3, 1),
            At(t0 + (3 * d) + 100, 1, 9), At(t0 + (4 * d) + 100, 9, 1),
        ];

        var split = DailySplit.Of(sessions, testDays: 2);
        var third = ProtocolFold.Build(sessions, split.TestDays[0], new PreparationOptions(MinItemSupport: 1));
        var fourth = ProtocolFold.Build(sessions, split.TestDays[1], new PreparationOptions(MinItemSupport: 1));

        Assert.Equal(Day0.AddDays(2), split.ValidationDay);
        Assert.Equal([Day0.AddDays(3), Day0.AddDays(4)], split.TestDays);
        Assert.Equal(3, third.TrainingSessions); // days 0, 1, 2; not the session crossing into day 3
        Assert.Equal(5, fourth.TrainingSessions); // and now the crossing one and day 3's
        Assert.Equal([1L, 9], Assert.Single(third.TestRaw).Products);
        Assert.Equal([-1, 1], fourth.TestIn(third.Vocabulary)[0].Items); // 9 is new since day 3: a miss for a method trained once, for day 3
        Assert.Equal(fourth.Vocabulary.IndexOf(9), fourth.Test[0].Items[0]);
        Assert.Throws<InvalidOperationException>(() => DailySplit.Of(sessions, testDays: 4)); // no training and validation day left
    }

    [Fact]
    public void A_day_with_more_sessions_than_the_cap_is_scored_on_an_even_sample_and_training_keeps_every_session()
    {
        var d = 86_400L;
        var t0 = 1_569_888_000L;
        var sessions = Enumerable.Range(0, 40).Select(i => At(t0 + i, 1, 2)) // day 0: training
            .Concat(Enumerable.Range(0, 1_000).Select(i => At(t0 + d + (i * 60), 1 + (i % 2), 2 - (i % 2)))).ToList(); // day 1: 1,000 test sessions

        var capped = ProtocolFold.Build(sessions, Day0.AddDays(1), new PreparationOptions(MinItemSupport: 1, MaxEvaluatedSessions: 100));
        var whole = ProtocolFold.Build(sessions, Day0.AddDays(1), new PreparationOptions(MinItemSupport: 1));

        Assert.Equal(100, capped.TestRaw.Count);
        Assert.Equal(1_000, whole.TestRaw.Count);
        Assert.Equal(40, capped.TrainingSessions);
        var starts = capped.TestRaw.Select(s => s.Start).ToList();
        Assert.Equal(starts.Order(), starts);
        Assert.Equal(whole.TestRaw[0].Start, starts[0]);
        Assert.True(starts[^1] >= whole.TestRaw[990].Start, "the sample reaches the end of the day"); // every 10th: the day's spread, not its first 100
        Assert.Contains(new PreparationOptions(MaxEvaluatedSessions: 100).Describe(), line => line.StartsWith("at most 100 sessions scored per evaluated day", StringComparison.Ordinal));
    }

    [Fact]
    public void The_evaluation_of_a_test_day_does_not_change_when_the_events_after_it_change()
    {
        var sessions = SessionWorld.Days(days: 6, perDay: 120, determinism: 0.7, seed: 5);
        var request = Request([RecommenderCatalog.Find(SequentialRulesRecommender.MethodName), RecommenderCatalog.Find(VSkNNRecommender.MethodName)], seed: 46, RecommendationProtocol.Daily, testDays: 3);
        var lastDay = Day0.AddDays(5);
        var altered = sessions.Select(s => LastDaySplit.Day(s.Start) == lastDay ? s with { Products = s.Products.Select(p => (p + 97) % SessionWorld.Items).ToArray() } : s).ToList();

        var before = RecommendationComparison.Run(sessions, request);
        var after = RecommendationComparison.Run(altered, request);

        Assert.Equal([Day0.AddDays(3), Day0.AddDays(4), lastDay], before.Folds.Select(f => f.Day));
        // Only the method the run registers keeps its fitted recommender; the others' were let go during the run.
        var kept = Assert.Single(before.Results, r => r.Fitted is not null);
        Assert.Same(RecommendationComparison.Chosen(before.Results), kept);
        Assert.False(kept.Method.IsBaseline);
        foreach (var (b, a) in before.Results.Zip(after.Results))
        {
            Assert.Equal(Ranks(b.Days[0]), Ranks(a.Days[0]));
            Assert.Equal(Ranks(b.Days[1]), Ranks(a.Days[1])); // day 4: everything after it changed, its evaluation did not
        }

        Assert.NotEqual(Ranks(before.Results.Single(r => r.Name == SequentialRulesRecommender.MethodName).Days[2]),
            Ranks(after.Results.Single(r => r.Name == SequentialRulesRecommender.MethodName).Days[2]));
    }

    [Fact]
    public void The_daily_protocol_pools_every_test_day_and_trains_gru4rec_once_while_it_refits_the_others()
    {
        var sessions = SessionWorld.Days(days: 5, perDay: 60, determinism: 1, seed: 3);
        var request = Request([RecommenderCatalog.Find("gru4rec")], seed: 46, RecommendationProtocol.Daily, testDays: 2);

        var run = RecommendationComparison.Run(sessions, request);

        var gru = run.Results.Single(r => r.Name == "gru4rec");
        var popularity = run.Results.Single(r => r.Name == PopularityRecommender.MethodName);
        Assert.Equal(run.Folds.Sum(f => f.Test.Sum(s => s.Length - 1)), gru.Test.Events);
        Assert.True(gru.Days[0].FitSeconds > 0 && gru.Days[1].FitSeconds == 0, "gru4rec is trained for the first test day only");
        Assert.True(popularity.Days[1].FitSeconds > 0, "the cheap methods are refitted every day");
    }

    [Fact]
    public void The_run_seed_reaches_gru4rec_so_one_seed_reproduces_its_metrics_and_another_changes_them()
    {
        var sessions = SessionWorld.Days(days: 4, perDay: 80, determinism: 0.7, seed: 9);
        var gru = RecommenderCatalog.Find("gru4rec");

        var first = RecommendationComparison.Run(sessions, Request([gru], seed: 7)).Results.Single(r => r.Name == "gru4rec");
        var again = RecommendationComparison.Run(sessions, Request([gru], seed: 7)).Results.Single(r => r.Name == "gru4rec");
        var other = RecommendationComparison.Run(sessions, Request([gru], seed: 8)).Results.Single(r => r.Name == "gru4rec");

        Assert.Equal("7", first.Hyperparameters[RecommenderMethod.SeedSetting]);
        Assert.Equal(Ranks(first.Days[0]), Ranks(again.Days[0]));
        Assert.Equal(first.ValidationRecall, again.ValidationRecall);
        Assert.NotEqual(Ranks(first.Days[0]), Ranks(other.Days[0]));
        Assert.Throws<ArgumentException>(() => gru.Create(gru.Grid[0])); // a seeded method never falls back to a constant
    }

    [Fact]
    public void The_folds_of_a_comparison_keep_none_of_the_training_sessions_read_so_they_can_be_let_go_before_the_methods_run()
    {
        var request = Request([RecommenderCatalog.Find(SequentialRulesRecommender.MethodName)], seed: 46, RecommendationProtocol.Daily, testDays: 2);

        var (split, training) = SplitAndForget(request);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.True(training.Count > 100, $"{training.Count} training sessions");
        Assert.All(training, session => Assert.False(session.IsAlive, "a training session read is still reachable from the folds"));
        var run = RecommendationComparison.Run(split, request);
        Assert.Equal(split.Folds, run.Folds);
        Assert.True(run.Results.Single(r => r.Name == SequentialRulesRecommender.MethodName).Test.Events > 0);
    }

    // The sessions read live only in this frame: what the folds keep of them is all that can survive it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (ComparisonFolds Split, List<WeakReference> Training) SplitAndForget(RecommendationRequest request)
    {
        var sessions = SessionWorld.Days(days: 5, perDay: 60, determinism: 0.7, seed: 3);
        var split = RecommendationComparison.Split(sessions, request);
        var firstTestDay = split.Folds[0].Day;
        return (split, sessions.Where(s => LastDaySplit.Day(s.Start) < split.ValidationDay && LastDaySplit.Day(s.End) < firstTestDay).Select(s => new WeakReference(s)).ToList());
    }

    private static RecommendationRequest Request(IReadOnlyList<RecommenderMethod> methods, ulong seed, RecommendationProtocol protocol = RecommendationProtocol.LastDay, int testDays = 7) =>
        new(new PreparationOptions(MinItemSupport: 1), methods, TrialsPerMethod: 1, seed, TruthFolder: null, Protocol: protocol, TestDays: testDays);

    private static int[] Ranks(DayEvaluation day) => day.Evaluation.Sessions.SelectMany(s => s.Select(o => o.Rank)).ToArray();

    private static RawSession At(long start, long first, long second) => new("u", [first, second], [start, start + 60], [0, 0], new Dictionary<long, int>());
}
