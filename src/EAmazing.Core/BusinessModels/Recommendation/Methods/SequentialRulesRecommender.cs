namespace EAmazing.BusinessModels.Recommendation.Methods;

/// <summary>
/// Sequential rules (Ludewig &amp; Jannach 2018): a rule a → b for every b that follows a within <see cref="Steps"/>
/// events of a training session, weighted 1/gap; a session is scored by the rules of its last item only.
/// </summary>
public sealed class SequentialRulesRecommender(int steps = 10, int keep = 200) : CatalogueRecommender
{
    public const string MethodName = "sequential-rules";

    private SparseItemGraph _rules = SparseItemGraph.Empty;

    public override string Name => MethodName;

    public int Steps { get; } = steps;

    public override void ScoreAll(SessionSequence prefix, Span<float> scores)
    {
        scores.Clear();
        if (prefix.Length > 0)
        {
            _rules.AddLinks(prefix.Items[^1], 1f, scores);
        }
    }

    protected override void FitCore(IReadOnlyList<SessionSequence> training, int itemCount, CancellationToken cancellationToken) =>
        _rules = SparseItemGraph.Build(training, itemCount, keep, Rules, cancellationToken);

    /// <summary>Position i gives a rule towards every other item up to <see cref="Steps"/> events after it, weighted 1/gap.</summary>
    private void Rules(SessionSequence s, int i, SparseItemGraph.Row row)
    {
        for (var j = i + 1; j <= Math.Min(s.Length - 1, i + Steps); j++)
        {
            if (s.Items[j] != s.Items[i])
            {
                row.Add(s.Items[j], 1f / (j - i));
            }
        }
    }
}
