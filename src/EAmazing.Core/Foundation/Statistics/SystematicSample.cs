namespace EAmazing.Foundation.Statistics;

/// <summary>
/// At most <c>max</c> items evenly spread over a list: every (n / max)-th in the list's order, or the list itself when it is
/// no longer. Deterministic, so a sampled evaluation is reproducible and its rule fits in one line of a model card.
/// </summary>
public static class SystematicSample
{
    public static IReadOnlyList<T> Of<T>(IReadOnlyList<T> items, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (items.Count <= max)
        {
            return items;
        }

        return Enumerable.Range(0, max).Select(i => items[(int)((long)i * items.Count / max)]).ToList();
    }
}
