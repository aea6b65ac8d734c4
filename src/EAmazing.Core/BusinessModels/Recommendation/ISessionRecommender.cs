namespace EAmazing.BusinessModels.Recommendation;

/// <summary>
/// A next-item method (popularity, co-visitation, rules, session kNN, the recurrent network): fitted on
/// training sessions, then asked for a score for every item of the catalogue given a session prefix.
/// Evaluation ranks the full catalogue from these scores (never sampled negatives); serving may ask for
/// the scores of a candidate list only, which a neural method makes cheap.
/// </summary>
public interface ISessionRecommender
{
    /// <summary>Short method name used in the card and the comparison table, e.g. "vsknn", "gru4rec".</summary>
    string Name { get; }

    /// <summary>Fits on training sessions whose items are dense indexes below <paramref name="itemCount"/>.</summary>
    void Fit(IReadOnlyList<SessionSequence> training, int itemCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a score for every item (higher = more likely next) given the session's events so far.
    /// <paramref name="scores"/> has itemCount entries; items the method has nothing to say about get
    /// <see cref="float.NegativeInfinity"/> or any score below the others.
    /// </summary>
    void ScoreAll(SessionSequence prefix, Span<float> scores);

    /// <summary>Scores only <paramref name="candidates"/> (candidate generation + rerank); same scale as <see cref="ScoreAll"/>.</summary>
    void ScoreCandidates(SessionSequence prefix, ReadOnlySpan<int> candidates, Span<float> scores);
}
