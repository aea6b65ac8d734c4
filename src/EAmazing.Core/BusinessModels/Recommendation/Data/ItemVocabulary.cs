namespace EAmazing.BusinessModels.Recommendation.Data;

/// <summary>
/// The dense item indexes of one training set: items ordered by training frequency, most frequent first (ties by
/// product id), so index order is also the popularity order that breaks score ties in every ranking.
/// </summary>
public sealed class ItemVocabulary
{
    private readonly Dictionary<long, int> _index;

    private ItemVocabulary(long[] products, int[] counts)
    {
        ProductIds = products;
        Counts = counts;
        _index = new Dictionary<long, int>(products.Length);
        for (var i = 0; i < products.Length; i++)
        {
            _index[products[i]] = i;
        }
    }

    /// <summary>Product id of each dense index.</summary>
    public IReadOnlyList<long> ProductIds { get; }

    /// <summary>Training events of each dense index.</summary>
    public IReadOnlyList<int> Counts { get; }

    public int Count => ProductIds.Count;

    public static ItemVocabulary FromTraining(IEnumerable<RawSession> training)
    {
        var counts = new Dictionary<long, int>();
        foreach (var session in training)
        {
            foreach (var product in session.Products)
            {
                counts[product] = counts.GetValueOrDefault(product) + 1;
            }
        }

        var ordered = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).ToList();
        return new ItemVocabulary(ordered.Select(kv => kv.Key).ToArray(), ordered.Select(kv => kv.Value).ToArray());
    }

    /// <summary>The dense index of a product, or -1 when training never saw it.</summary>
    public int IndexOf(long product) => _index.TryGetValue(product, out var index) ? index : -1;

    /// <summary>A training session as the methods see it (every item is in the vocabulary).</summary>
    public SessionSequence Encode(RawSession session) =>
        new(session.Products.Select(p => _index[p]).ToArray(), session.UnixSeconds, session.EventTypes);
}
