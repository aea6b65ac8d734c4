using EAmazing.Foundation.Sql;
using EAmazing.Lake;

namespace EAmazing.Features;

/// <summary>The gold layer's SQL: one embedded <c>Features/Sql/*.sql</c> file per table, plus the events relation and the catalog table.</summary>
public static class FeatureSql
{
    private static readonly EmbeddedSql Files = new(typeof(FeatureSql).Assembly, "EAmazing.Features.Sql", "Features/Sql");

    public static string Load(string name) => Files.Load(name);

    /// <summary>Fills <c>{name}</c> placeholders with values the platform makes itself (paths, times, numbers), never input data.</summary>
    public static string Fill(string sql, IEnumerable<(string Key, string Value)> values) => EmbeddedSql.Fill(sql, values);

    public const string PerFileStart = "--<per silver file>";

    public const string PerFileEnd = "--</per silver file>";

    /// <summary>
    /// Repeats each block of SQL between <see cref="PerFileStart"/> and <see cref="PerFileEnd"/> once per silver file,
    /// joined by UNION ALL, with <c>{file_events}</c> the events of that file alone and <c>{file}</c> its number (named
    /// windows must differ between the copies). A month's silver files are disjoint user buckets (a user's events of a
    /// month all lie in one file), so per-user and per-session work of one month can run file by file: each aggregation
    /// or window then holds one bucket, not the month (which spilled at month scale), and a count of distinct users or
    /// sessions is the sum of the files' counts. Without files, each block runs once over <paramref name="allEvents"/>.
    /// SQL without the markers is returned as it is.
    /// </summary>
    public static string PerFile(string sql, IReadOnlyList<string> fileEvents, string allEvents)
    {
        var sources = fileEvents.Count == 0 ? [allEvents] : fileEvents;
        var start = sql.IndexOf(PerFileStart, StringComparison.Ordinal);
        while (start >= 0 && sql.IndexOf(PerFileEnd, start, StringComparison.Ordinal) is var end && end > start)
        {
            var block = sql[(start + PerFileStart.Length)..end];
            var copies = string.Join("    UNION ALL\n", sources.Select((events, i) => block
                .Replace("{file_events}", events, StringComparison.Ordinal)
                .Replace("{file}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));
            sql = sql[..start] + copies + sql[(end + PerFileEnd.Length)..];
            start = sql.IndexOf(PerFileStart, start + copies.Length, StringComparison.Ordinal);
        }

        return sql;
    }

    /// <summary>The session_prefixes placeholders for prefixes of up to <paramref name="lags"/> + 1 events over <paramref name="window"/>.</summary>
    public static IEnumerable<(string Key, string Value)> PrefixPlaceholders(int lags, string window)
    {
        lags = Math.Max(lags, 0); // the helpers below take it as it is from here
        return
        [
            ("prefix_lags", Lags(["event_time", "event_type", "product_id", "category_id", "price"], lags, window)),
            ("prefix_event_times", PrefixValues("event_time", lags)),
            ("prefix_previous_time", lags > 0 ? Lagged("event_time", 1) : "CAST(NULL AS TIMESTAMP)"),
            ("prefix_prices", PrefixValues("price", lags)),
            ("prefix_views", PrefixCount("event_type", "= 'view'", lags)),
            ("prefix_carts", PrefixCount("event_type", "= 'cart'", lags)),
            ("prefix_removes", PrefixCount("event_type", "= 'remove_from_cart'", lags)),
            ("prefix_purchases", PrefixCount("event_type", "= 'purchase'", lags)),
            ("prefix_distinct_items", PrefixDistinct("product_id", lags)),
            ("prefix_distinct_categories", PrefixDistinct("category_id", lags)),
            ("prefix_repeated_items", PrefixRepeats("product_id", lags)),
        ];
    }

    /// <summary>
    /// Lag columns for a session prefix of up to <paramref name="lags"/> + 1 events, taken in one window pass:
    /// <c>lag(c, 1) OVER w AS c_1, …, lag(c, n) OVER w AS c_n,</c> for each column (each followed by a comma, so none
    /// at all is valid too). A prefix row's earlier events are exactly its lags, so prefix sums, distinct counts and
    /// extremes are plain expressions over them (<see cref="PrefixCount"/>, <see cref="PrefixDistinct"/>, …) instead
    /// of a second window over the prefix rows (measured at month scale: that window was about a third of the table).
    /// </summary>
    private static string Lags(IEnumerable<string> columns, int lags, string window) => string.Concat(columns.SelectMany(column =>
        Enumerable.Range(1, lags).Select(n => FormattableString.Invariant($"lag({column}, {n}) OVER {window} AS {Lagged(column, n)},\n"))));

    /// <summary>The column and its lags as a list: <c>c, c_1, …, c_n</c> (for least, greatest, list_value).</summary>
    private static string PrefixValues(string column, int lags) =>
        string.Join(", ", Enumerable.Range(0, lags + 1).Select(n => Lagged(column, n)));

    /// <summary>How many of the prefix's events have <c>column <paramref name="condition"/></c> (a missing lag counts as no).</summary>
    private static string PrefixCount(string column, string condition, int lags) =>
        string.Join(" + ", Enumerable.Range(0, lags + 1).Select(n => $"CAST(coalesce({Lagged(column, n)} {condition}, false) AS BIGINT)"));

    /// <summary>
    /// Distinct values of the column in the prefix: each value counted at its earliest event, i.e. lag i counts when
    /// it exists and differs from every older lag (NULL only where the session has no such earlier event).
    /// </summary>
    private static string PrefixDistinct(string column, int lags) =>
        string.Join(" + ", Enumerable.Range(0, lags + 1).Select(i =>
        {
            var conditions = Enumerable.Range(i + 1, lags - i).Select(j => $"{Lagged(column, i)} IS DISTINCT FROM {Lagged(column, j)}")
                .Prepend(i == 0 ? "true" : $"{Lagged(column, i)} IS NOT NULL");
            return $"CAST({string.Join(" AND ", conditions)} AS BIGINT)";
        }));

    /// <summary>Events of the prefix whose value repeats the one just before it.</summary>
    private static string PrefixRepeats(string column, int lags) => lags == 0
        ? "CAST(0 AS BIGINT)"
        : string.Join(" + ", Enumerable.Range(0, lags).Select(i => $"CAST(coalesce({Lagged(column, i)} = {Lagged(column, i + 1)}, false) AS BIGINT)"));

    private static string Lagged(string column, int n) => n == 0 ? column : FormattableString.Invariant($"{column}_{n}");

    public static string Timestamp(DateTime time) => $"TIMESTAMP '{time:yyyy-MM-dd HH:mm:ss.ffffff}'";

    public static string Date(DateOnly day) => $"DATE '{day:yyyy-MM-dd}'";

    public static string Sources(IEnumerable<string> files) => LakeSql.List(files);
}
