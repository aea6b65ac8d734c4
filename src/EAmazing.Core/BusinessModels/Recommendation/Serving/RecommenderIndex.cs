namespace EAmazing.BusinessModels.Recommendation.Serving;

/// <summary>
/// A trained recommender's catalogue and training sequences as stored beside its card (<see cref="RecommenderIndexFile"/>).
/// Item index i is the dense index the methods use: most trained-on first, so index order is popularity order.
/// </summary>
/// <param name="ProductIds">Product id of each item.</param>
/// <param name="CategoryIds">Category id of each item (its latest in silver; 0 when it has none).</param>
/// <param name="Counts">Training events of each item.</param>
/// <param name="Sessions">The training sequences the method is fitted on.</param>
public sealed record RecommenderIndex(long[] ProductIds, long[] CategoryIds, int[] Counts, IReadOnlyList<SessionSequence> Sessions);
