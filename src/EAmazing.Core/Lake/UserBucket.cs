namespace EAmazing.Lake;

/// <summary>
/// A range of user pseudonyms, by their first hex digit. Silver is built one bucket at a time: dedupe and
/// re-sessionisation only look within one user, so a month splits into independent parts that each fit
/// in memory (one pass over 42M rows spilled for minutes, or ran out of memory under a tight limit).
/// </summary>
public sealed record UserBucket(char First, char Last)
{
    private const string Hex = "0123456789abcdef";

    /// <summary>Inclusive lower bound of the pseudonyms in the bucket.</summary>
    public string From => First.ToString();

    /// <summary>Exclusive upper bound ('g' sorts after every hex digit).</summary>
    public string To => Last == 'f' ? "g" : Hex[Hex.IndexOf(Last, StringComparison.Ordinal) + 1].ToString();

    public string FileName => $"users-{First}-{Last}.parquet";

    /// <summary>1, 2, 4, 8 or 16 equal buckets, enough to keep each near <paramref name="targetRows"/>.</summary>
    public static IReadOnlyList<UserBucket> For(long rows, long targetRows)
    {
        var count = 1;
        while (count < 16 && rows / count > targetRows)
        {
            count *= 2;
        }

        var width = 16 / count;
        return Enumerable.Range(0, count).Select(i => new UserBucket(Hex[i * width], Hex[(i * width) + width - 1])).ToList();
    }
}
