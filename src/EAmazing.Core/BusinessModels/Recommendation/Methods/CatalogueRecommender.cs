namespace EAmazing.BusinessModels.Recommendation.Methods;

/// <summary>
/// A method that scores the whole catalogue at once (counts, co-occurrences, neighbours): scoring candidates is
/// scoring everything and reading the candidates' entries, which costs no more than a full ranking for these methods.
/// </summary>
public abstract class CatalogueRecommender : ISessionRecommender
{
    public abstract string Name { get; }

    /// <summary>The catalogue size of the last fit.</summary>
    protected int ItemCount { get; private set; }

    public void Fit(IReadOnlyList<SessionSequence> training, int itemCount, CancellationToken cancellationToken = default)
    {
        ItemCount = itemCount;
        FitCore(training, itemCount, cancellationToken);
    }

    public abstract void ScoreAll(SessionSequence prefix, Span<float> scores);

    public void ScoreCandidates(SessionSequence prefix, ReadOnlySpan<int> candidates, Span<float> scores)
    {
        var all = new float[ItemCount];
        ScoreAll(prefix, all);
        for (var i = 0; i < candidates.Length; i++)
        {
            scores[i] = all[candidates[i]];
        }
    }

    protected abstract void FitCore(IReadOnlyList<SessionSequence> training, int itemCount, CancellationToken cancellationToken);
}
