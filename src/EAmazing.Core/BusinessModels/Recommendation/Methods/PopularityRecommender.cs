namespace EAmazing.BusinessModels.Recommendation.Methods;

/// <summary>The global baseline: every item scored by its training events, whatever the session.</summary>
public sealed class PopularityRecommender : CatalogueRecommender
{
    public const string MethodName = "popularity";

    private float[] _counts = [];

    public override string Name => MethodName;

    public override void ScoreAll(SessionSequence prefix, Span<float> scores) => _counts.CopyTo(scores);

    protected override void FitCore(IReadOnlyList<SessionSequence> training, int itemCount, CancellationToken cancellationToken)
    {
        _counts = new float[itemCount];
        foreach (var session in training)
        {
            foreach (var item in session.Items)
            {
                _counts[item]++;
            }
        }
    }
}
