using EAmazing.BusinessModels.Recommendation.Evaluation;

namespace EAmazing.Core.Tests.BusinessModels.Recommendation;

public sealed class RankingMetricsTests
{
    // Two sessions: ranks 1, 3, 0 (miss) and 12, 25 (beyond the list: stored as 0).
    private static readonly IReadOnlyList<IReadOnlyList<PredictionOutcome>> Fixture =
    [
        [new(1, 1, false, false), new(3, 2, false, false), new(0, 3, false, false)],
        [new(12, 1, false, false), new(0, 2, false, false)],
    ];

    [Fact]
    public void Metrics_match_a_hand_computation_over_events()
    {
        var evaluation = new MethodEvaluation(Fixture, 0, 0);

        // recall@20: 3 hits (1, 3, 12) of 5 events; recall@10: 2 of 5.
        Assert.Equal(3 / 5.0, evaluation.Mean("recall_at_20"), 12);
        Assert.Equal(2 / 5.0, evaluation.Mean("recall_at_10"), 12);
        // mrr@20: (1 + 1/3 + 1/12) / 5; mrr@10 drops the 12.
        Assert.Equal((1 + (1 / 3.0) + (1 / 12.0)) / 5, evaluation.Mean("mrr_at_20"), 12);
        Assert.Equal((1 + (1 / 3.0)) / 5, evaluation.Mean("mrr_at_10"), 12);
        // ndcg@20: (1/log2(2) + 1/log2(4) + 1/log2(13)) / 5 = (1 + 0.5 + 0.27023815) / 5.
        Assert.Equal((1 + 0.5 + 0.2702381544) / 5, evaluation.Mean("ndcg_at_20"), 9);
    }

    [Fact]
    public void The_interval_resamples_whole_sessions_and_holds_the_estimate()
    {
        var evaluation = new MethodEvaluation(Fixture, 0, 0);

        var interval = evaluation.Interval("recall_at_20", 46);

        Assert.Equal(0.6, interval.Estimate, 12);
        // Resampling sessions, a resample is session 1 alone (2/3), session 2 alone (1/2) or a mix: never 0 or 1.
        Assert.InRange(interval.Lower, 0.5 - 1e-12, 0.6);
        Assert.InRange(interval.Upper, 0.6, (2 / 3.0) + 1e-12);
    }

    [Fact]
    public void Ties_go_to_the_lower_index_and_the_top_list_agrees_with_the_ranks()
    {
        float[] scores = [0.5f, 2f, 0.5f, 3f, 0.5f];

        Assert.Equal(1, FullRanking.RankOf(scores, 3));
        Assert.Equal(2, FullRanking.RankOf(scores, 1));
        Assert.Equal(3, FullRanking.RankOf(scores, 0));
        Assert.Equal(5, FullRanking.RankOf(scores, 4));
        Assert.Equal([3, 1, 0, 2], FullRanking.Top(scores, 4));
    }

    [Fact]
    public void The_conversion_hit_rate_counts_only_events_followed_by_a_cart_or_purchase()
    {
        IReadOnlyList<IReadOnlyList<PredictionOutcome>> sessions =
        [
            [new(1, 1, true, true), new(2, 2, true, false), new(0, 3, false, false)],
            [new(4, 1, false, false)],
        ];

        Assert.Equal(0.5, new MethodEvaluation(sessions, 0, 0).ConversionHitRate(46).Estimate, 12);
    }
}
