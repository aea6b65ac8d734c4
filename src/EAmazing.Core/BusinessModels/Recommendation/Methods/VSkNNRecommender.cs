namespace EAmazing.BusinessModels.Recommendation.Methods;

/// <summary>
/// V-SkNN (Ludewig &amp; Jannach 2018): the prefix as a vector whose item weights rise linearly with position (the
/// latest item weighs 1); among the <see cref="Sample"/> most recent training sessions sharing an item, the
/// <see cref="Neighbours"/> most similar (cosine) vote for their items with their similarity.
/// </summary>
public sealed class VSkNNRecommender(int neighbours = 100, int sample = 1000) : CatalogueRecommender
{
    public const string MethodName = "vsknn";

    private SessionIndex? _index;
    private int[] _distinctCounts = [];

    public override string Name => MethodName;

    public int Neighbours { get; } = neighbours;

    public int Sample { get; } = sample;

    public override void ScoreAll(SessionSequence prefix, Span<float> scores)
    {
        scores.Clear();
        if (_index is null || prefix.Length == 0)
        {
            return;
        }

        var weights = SessionIndex.Weights(prefix, (position, length) => (float)position / length);
        var norm = Math.Sqrt(weights.Count);
        var overlaps = _index.Overlaps(weights, Sample);
        foreach (var (session, overlap) in overlaps.Select(kv => (kv.Key, kv.Value / (float)(norm * Math.Sqrt(_distinctCounts[kv.Key]))))
                     .OrderByDescending(x => x.Item2).ThenBy(x => x.Key).Take(Neighbours))
        {
            foreach (var item in _index.Sessions[session].Items.Distinct())
            {
                scores[item] += overlap;
            }
        }
    }

    protected override void FitCore(IReadOnlyList<SessionSequence> training, int itemCount, CancellationToken cancellationToken)
    {
        _index = new SessionIndex(training, itemCount, Sample);
        _distinctCounts = training.Select(s => s.Items.Distinct().Count()).ToArray();
    }
}
