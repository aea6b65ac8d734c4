using EAmazing.BusinessModels.Recommendation.Data;

namespace EAmazing.BusinessModels.Recommendation.Evaluation;

/// <summary>A validation or test session with its items in the training vocabulary (-1: unseen in training, a miss as a target).</summary>
public sealed record TestSession(RawSession Raw, int[] Items)
{
    public int Length => Items.Length;

    public static TestSession Map(RawSession raw, ItemVocabulary vocabulary) => new(raw, raw.Products.Select(vocabulary.IndexOf).ToArray());

    /// <summary>
    /// What a method may see when predicting event <paramref name="position"/>: the events before it (never at or after
    /// it), without the items training never saw (a method has nothing to say about them).
    /// </summary>
    public SessionSequence Prefix(int position)
    {
        var kept = Enumerable.Range(0, position).Where(i => Items[i] >= 0).ToArray();
        return new SessionSequence(kept.Select(i => Items[i]).ToArray(), kept.Select(i => Raw.UnixSeconds[i]).ToArray(), kept.Select(i => Raw.EventTypes[i]).ToArray());
    }
}
