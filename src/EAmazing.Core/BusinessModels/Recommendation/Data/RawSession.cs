namespace EAmazing.BusinessModels.Recommendation.Data;

/// <summary>
/// One re-sessionised silver session after event selection and repeat collapsing, with raw product ids (the vocabulary
/// maps them later). <see cref="ConvertedProducts"/> holds every product carted or bought in the session with the
/// position of its first cart or purchase among <see cref="Products"/>' events, whatever the event selection (the
/// business hit rate reads it).
/// </summary>
/// <param name="User">The user's pseudonym (the oracle matches it; never a raw id).</param>
/// <param name="Products">Product ids in event order.</param>
/// <param name="UnixSeconds">Event times (UTC seconds), non-decreasing.</param>
/// <param name="EventTypes">0 view, 1 cart, 2 purchase.</param>
/// <param name="ConvertedProducts">Products carted or bought, with the index of the first kept event at or after that cart or purchase.</param>
public sealed record RawSession(string User, long[] Products, long[] UnixSeconds, byte[] EventTypes, IReadOnlyDictionary<long, int> ConvertedProducts)
{
    public int Length => Products.Length;

    public long Start => UnixSeconds[0];

    public long End => UnixSeconds[^1];
}
