namespace EAmazing.Models.Business;

/// <summary>One recommended product with the model's score (its scale depends on the method; higher is more likely next).</summary>
public sealed record RecommendedItem(long ProductId, long CategoryId, double Score);

/// <summary>
/// The answer to a <see cref="NextItemQuery"/>: the items best first, how many of the session's events the model knew,
/// and, when it knew none, that the list is the most popular items instead (<see cref="PopularFallback"/>, with why).
/// </summary>
public sealed record NextItemList(IReadOnlyList<RecommendedItem> Items, int KnownEvents, bool PopularFallback, string? Reason, int Candidates);
