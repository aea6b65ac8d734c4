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

    /// <summary>How many first hex digits the bucket spans.</summary>
    public int Width => Hex.IndexOf(Last, StringComparison.Ordinal) - Hex.IndexOf(First, StringComparison.Ordinal) + 1;

    /// <summary>A SQL condition keeping the rows of this bucket's users, on a pseudonym column (e.g. <c>user_id</c>).</summary>
    public string Filter(string column) => $"{column} >= '{From}' AND {column} < '{To}'";

    public bool Overlaps(UserBucket other) =>
        string.CompareOrdinal(From, other.To) < 0 && string.CompareOrdinal(other.From, To) < 0;

    /// <summary>The bucket a silver file holds, from its name (<see cref="FileName"/>); none for any other name.</summary>
    public static UserBucket? FromFileName(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        return name.Length == 9 && name.StartsWith("users-", StringComparison.Ordinal) && name[7] == '-'
            && Hex.Contains(name[6], StringComparison.Ordinal) && Hex.Contains(name[8], StringComparison.Ordinal)
            && name[6] <= name[8]
            ? new UserBucket(name[6], name[8])
            : null;
    }

    /// <summary>
    /// Silver files (of one or more months) grouped for reading one bucket of users at a time, at the finest split of
    /// any of them: a month splits into 1 to 16 buckets by its size, so a coarser file belongs to each finer bucket it
    /// covers and its reader filters it to that bucket's users (<see cref="From"/>, <see cref="To"/>). Null when a file
    /// is not named by its bucket.
    /// </summary>
    public static IReadOnlyList<(UserBucket Bucket, IReadOnlyList<string> Files)>? Split(IReadOnlyCollection<string> files)
    {
        var named = files.Select(f => (File: f, Bucket: FromFileName(f))).ToList();
        if (named.Count == 0 || named.Any(f => f.Bucket is null))
        {
            return null;
        }

        return Equal(16 / named.Min(f => f.Bucket!.Width))
            .Select(b => (b, (IReadOnlyList<string>)named.Where(f => f.Bucket!.Overlaps(b)).Select(f => f.File).ToList()))
            .ToList();
    }

    /// <summary><paramref name="count"/> (1, 2, 4, 8 or 16) equal buckets covering every pseudonym.</summary>
    public static IReadOnlyList<UserBucket> Equal(int count)
    {
        var width = 16 / count;
        return Enumerable.Range(0, count).Select(i => new UserBucket(Hex[i * width], Hex[(i * width) + width - 1])).ToList();
    }

    /// <summary>1, 2, 4, 8 or 16 equal buckets, enough to keep each near <paramref name="targetRows"/>.</summary>
    public static IReadOnlyList<UserBucket> For(long rows, long targetRows)
    {
        var count = 1;
        while (count < 16 && rows / count > targetRows)
        {
            count *= 2;
        }

        return Equal(count);
    }
}
