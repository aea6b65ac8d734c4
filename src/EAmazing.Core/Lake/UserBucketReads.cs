namespace EAmazing.Lake;

/// <summary>
/// A query over the lake read one bucket of users at a time (<see cref="UserBucket.Equal"/>), for per-user work where a
/// user's rows never depend on another user's: the engine sorts or groups a sixteenth of the rows at once instead of all
/// of them (four full-scale months: one pass over the last 31 days' sessions held 7.0 GB in the engine, one bucket 0.84 GB).
/// </summary>
public static class UserBucketReads
{
    public const int Buckets = 16;

    /// <summary>
    /// Streams the rows of the query <paramref name="sql"/> writes for each bucket in turn (its condition from
    /// <see cref="UserBucket.Filter"/>) to <paramref name="row"/>; <paramref name="bucketDone"/> runs after each bucket's
    /// last row. The array given to <paramref name="row"/> is reused for the next row: copy what must outlive the call.
    /// </summary>
    public static void ForEachRowByUserBucket(this ILakeConsole lake, Func<UserBucket, string> sql, Action<object?[]> row, Action? bucketDone = null)
    {
        foreach (var bucket in UserBucket.Equal(Buckets))
        {
            using var reader = lake.Open(sql(bucket));
            var values = new object?[reader.Columns.Count];
            while (reader.Read(values))
            {
                row(values);
            }

            bucketDone?.Invoke();
        }
    }
}
