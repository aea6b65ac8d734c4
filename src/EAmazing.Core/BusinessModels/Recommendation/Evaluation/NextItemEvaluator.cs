namespace EAmazing.BusinessModels.Recommendation.Evaluation;

/// <summary>
/// Evaluates a fitted method on test sessions by full-catalogue ranking: every event after a session's first is
/// predicted from the events before it alone (<see cref="TestSession.Prefix"/>), ranked among all items; an item
/// training never saw is a miss. Sessions are scored in parallel, each with its own buffer; the results do not depend
/// on the order.
/// </summary>
public static class NextItemEvaluator
{
    public const int ListLength = 20;

    public static MethodEvaluation Evaluate(ISessionRecommender method, IReadOnlyList<TestSession> sessions, int itemCount, IReadOnlyList<int> trainingCounts, CancellationToken cancellationToken = default)
    {
        var outcomes = new PredictionOutcome[sessions.Count][];
        var recommended = new bool[sessions.Count][];
        var popularity = new double[sessions.Count];
        var maxCount = Math.Max(1, trainingCounts.Count == 0 ? 1 : trainingCounts.Max());
        Parallel.For(0, sessions.Count, new ParallelOptions { CancellationToken = cancellationToken }, () => new float[itemCount], (s, _, scores) =>
        {
            var session = sessions[s];
            var list = new PredictionOutcome[session.Length - 1];
            var seen = new bool[itemCount];
            double bias = 0;
            for (var t = 1; t < session.Length; t++)
            {
                var prefix = session.Prefix(t);
                method.ScoreAll(prefix, scores);
                var target = session.Items[t];
                var rank = target < 0 ? 0 : FullRanking.RankOf(scores, target);
                var top = FullRanking.Top(scores, ListLength);
                foreach (var item in top)
                {
                    seen[item] = true;
                    bias += (double)trainingCounts[item] / maxCount;
                }

                var later = Later(session, t);
                list[t - 1] = new PredictionOutcome(rank <= ListLength ? rank : 0, t, later.Count > 0, top.Any(later.Contains));
            }

            outcomes[s] = list;
            recommended[s] = seen;
            popularity[s] = bias;
            return scores;
        }, _ => { });

        var covered = new bool[itemCount];
        foreach (var seen in recommended)
        {
            for (var i = 0; i < itemCount; i++)
            {
                covered[i] |= seen[i];
            }
        }

        var events = outcomes.Sum(o => o.Length);
        return new MethodEvaluation(outcomes, itemCount == 0 ? 0 : covered.Count(c => c) / (double)itemCount, events == 0 ? 0 : popularity.Sum() / (events * (double)ListLength));
    }

    /// <summary>The dense items the session carts or buys at or after prediction point <paramref name="t"/>.</summary>
    private static HashSet<int> Later(TestSession session, int t)
    {
        var later = new HashSet<int>();
        foreach (var (product, at) in session.Raw.ConvertedProducts)
        {
            var i = Array.IndexOf(session.Raw.Products, product);
            if (at >= t && i >= 0 && session.Items[i] >= 0)
            {
                later.Add(session.Items[i]);
            }
        }

        return later;
    }
}
