namespace EAmazing.Models.Business;

/// <summary>
/// The answer of <c>POST /v1/recommendations</c>: the champion that answered, the items best first, how many session
/// events it knew, and <see cref="PopularFallback"/> with <see cref="Reason"/> when it knew none (popular items returned).
/// <see cref="CandidatesScored"/>: items the method ranked (the catalogue, or a neural method's reranked candidates).
/// </summary>
public sealed record NextItemResponse(string Model, int Version, string Method, IReadOnlyList<RecommendedItem> Items, int KnownEvents, bool PopularFallback, string? Reason, int CandidatesScored);
