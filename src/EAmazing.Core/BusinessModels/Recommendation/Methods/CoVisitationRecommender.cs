namespace EAmazing.BusinessModels.Recommendation.Methods;

/// <summary>
/// Item co-visitation: two items seen within <see cref="Window"/> events of each other in a training session are
/// linked, the link weighted by how close in time they were (exp(−Δt/τ)) and by the second item's event type (a cart or
/// purchase says more than a view). A session is scored by the links of its recent items, the latest counting most.
/// </summary>
public sealed class CoVisitationRecommender(int window = 5, double timeScaleSeconds = 600, float cartWeight = 3, float purchaseWeight = 6, int keep = 200) : CatalogueRecommender
{
    public const string MethodName = "covisitation";

    /// <summary>The prefix items that contribute (the latest ones).</summary>
    public const int RecentItems = 10;

    private SparseItemGraph _graph = SparseItemGraph.Empty;

    public override string Name => MethodName;

    public int Window { get; } = window;

    public override void ScoreAll(SessionSequence prefix, Span<float> scores)
    {
        scores.Clear();
        var from = Math.Max(0, prefix.Length - RecentItems);
        for (var i = prefix.Length - 1; i >= from; i--)
        {
            _graph.AddLinks(prefix.Items[i], 1f / (prefix.Length - i), scores);
        }
    }

    protected override void FitCore(IReadOnlyList<SessionSequence> training, int itemCount, CancellationToken cancellationToken) =>
        _graph = SparseItemGraph.Build(training, itemCount, keep, Links, cancellationToken);

    /// <summary>Position i links to every other item within <see cref="Window"/> events of it, either side.</summary>
    private void Links(SessionSequence s, int i, SparseItemGraph.Row row)
    {
        for (var j = Math.Max(0, i - Window); j <= Math.Min(s.Length - 1, i + Window); j++)
        {
            if (s.Items[j] == s.Items[i])
            {
                continue;
            }

            var decay = Math.Exp(-Math.Abs(s.UnixSeconds[j] - s.UnixSeconds[i]) / timeScaleSeconds);
            var type = s.EventTypes[j] switch { 1 => cartWeight, 2 => purchaseWeight, _ => 1f };
            row.Add(s.Items[j], (float)(type * decay));
        }
    }
}
