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

    public static string Timestamp(DateTime time) => $"TIMESTAMP '{time:yyyy-MM-dd HH:mm:ss.ffffff}'";

    public static string Date(DateOnly day) => $"DATE '{day:yyyy-MM-dd}'";

    public static string Sources(IEnumerable<string> files) => LakeSql.List(files);
}
