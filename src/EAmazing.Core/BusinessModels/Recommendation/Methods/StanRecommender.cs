namespace EAmazing.BusinessModels.Recommendation.Methods;

/// <summary>
/// STAN (Garg et al. 2019), session kNN with three decays: a prefix item weighs exp((p − L)/λ₁) by its position; a
/// neighbour's similarity (cosine) is damped by exp(−Δt/λ₂) of how long before the prefix's last event it ended; a
/// neighbour's item counts exp(−|gap|/λ₃) by its distance from the neighbour's latest item shared with the prefix.
/// </summary>
public sealed class StanRecommender(int neighbours = 100, int sample = 1000, double positionDecay = 2, double timeDecaySeconds = 7 * 86400, double neighbourDecay = 2) : CatalogueRecommender
{
    public const string MethodName = "stan";

    private SessionIndex? _index;
    private int[] _distinctCounts = [];

    public override string Name => MethodName;

    public override void ScoreAll(SessionSequence prefix, Span<float> scores)
    {
        scores.Clear();
        if (_index is null || prefix.Length == 0)
        {
            return;
        }

        var weights = SessionIndex.Weights(prefix, (position, length) => (float)Math.Exp((position - length) / positionDecay));
        var norm = Math.Sqrt(weights.Count);
        var now = prefix.UnixSeconds[^1];
        var nearest = _index.Overlaps(weights, sample)
            .Select(kv => (Session: kv.Key, Similarity: kv.Value / (norm * Math.Sqrt(_distinctCounts[kv.Key])) * Math.Exp(-Math.Max(0, now - _index.Ends[kv.Key]) / timeDecaySeconds)))
            .OrderByDescending(x => x.Similarity).ThenBy(x => x.Session).Take(neighbours);
        foreach (var (session, similarity) in nearest)
        {
            var items = _index.Sessions[session].Items;

            // The neighbour's position matching the prefix: where it holds the prefix item of the largest weight (the latest shared one).
            var match = -1;
            var best = float.MinValue;
            for (var i = 0; i < items.Length; i++)
            {
                if (weights.TryGetValue(items[i], out var w) && w >= best)
                {
                    best = w;
                    match = i;
                }
            }

            for (var i = 0; i < items.Length; i++)
            {
                scores[items[i]] += (float)(similarity * Math.Exp(-Math.Abs(i - match) / neighbourDecay));
            }
        }
    }

    protected override void FitCore(IReadOnlyList<SessionSequence> training, int itemCount, CancellationToken cancellationToken)
    {
        _index = new SessionIndex(training, itemCount, sample);
        _distinctCounts = training.Select(s => s.Items.Distinct().Count()).ToArray();
    }
}
