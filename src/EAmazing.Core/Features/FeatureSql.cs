using EAmazing.Lake;

namespace EAmazing.Features;

/// <summary>The gold layer's SQL: one embedded <c>Features/Sql/*.sql</c> file per table, plus the events relation and the catalog table.</summary>
public static class FeatureSql
{
    public static string Load(string name)
    {
        using var stream = typeof(FeatureSql).Assembly.GetManifestResourceStream($"EAmazing.Features.Sql.{name}.sql")
            ?? throw new InvalidOperationException($"missing embedded SQL Features/Sql/{name}.sql");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Fills <c>{name}</c> placeholders with values the platform makes itself (paths, times, numbers), never input data.</summary>
    public static string Fill(string sql, IEnumerable<(string Key, string Value)> values)
    {
        foreach (var (key, value) in values)
        {
            sql = sql.Replace("{" + key + "}", value, StringComparison.Ordinal);
        }

        return sql;
    }

    public const string PerFileStart = "--<per silver file>";

    public const string PerFileEnd = "--</per silver file>";

    /// <summary>
    /// Repeats the SQL between <see cref="PerFileStart"/> and <see cref="PerFileEnd"/> once per silver file, joined by
    /// UNION ALL, with <c>{file_events}</c> the events of that file alone. A month's silver files are disjoint user
    /// buckets (a user's events of a month all lie in one file), so per-user and per-session work of one month can
    /// run file by file: each aggregation or window then holds one bucket, not the month (which spilled at month
    /// scale). SQL without the markers is returned as it is.
    /// </summary>
    public static string PerFile(string sql, IEnumerable<string> fileEvents)
    {
        var start = sql.IndexOf(PerFileStart, StringComparison.Ordinal);
        var end = sql.IndexOf(PerFileEnd, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return sql;
        }

        var block = sql[(start + PerFileStart.Length)..end];
        var copies = fileEvents.Select(events => block.Replace("{file_events}", events, StringComparison.Ordinal)).ToList();
        var body = copies.Count == 0 ? block.Replace("{file_events}", "({events}) AS events", StringComparison.Ordinal) : string.Join("    UNION ALL\n", copies);
        return sql[..start] + body + sql[(end + PerFileEnd.Length)..];
    }

    /// <summary>
    /// "<paramref name="column"/> equals one of its <paramref name="lags"/> predecessors in <paramref name="window"/>":
    /// <c>(c = lag(c, 1) OVER w OR … OR c = lag(c, n) OVER w)</c>, or <c>false</c> for none. All the lags share the
    /// window's one sort, where a first-occurrence flag by <c>row_number()</c> would need a sort of its own.
    /// </summary>
    public static string SeenEarlier(string column, int lags, string window) => lags <= 0
        ? "false"
        : "(" + string.Join(" OR ", Enumerable.Range(1, lags).Select(n => FormattableString.Invariant($"{column} = lag({column}, {n}) OVER {window}"))) + ")";

    public static string Timestamp(DateTime time) => $"TIMESTAMP '{time:yyyy-MM-dd HH:mm:ss.ffffff}'";

    public static string Date(DateOnly day) => $"DATE '{day:yyyy-MM-dd}'";

    public static string Sources(IEnumerable<string> files) => LakeSql.List(files);
}
