using System.Reflection;

namespace EAmazing.Lake;

/// <summary>
/// The lake's SQL, one embedded <c>Sql/*.sql</c> file per table or step, with <c>{name}</c> placeholders
/// filled from values the platform makes itself (ids, months, paths), never from input data.
/// </summary>
public static class LakeSql
{
    public static string Load(string name)
    {
        using var stream = typeof(LakeSql).Assembly.GetManifestResourceStream($"EAmazing.Lake.Sql.{name}.sql")
            ?? throw new InvalidOperationException($"missing embedded SQL {name}.sql");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static string Render(string name, params (string Key, string Value)[] values)
    {
        var sql = Load(name);
        foreach (var (key, value) in values)
        {
            sql = sql.Replace("{" + key + "}", value, StringComparison.Ordinal);
        }

        return sql;
    }

    /// <summary>A string literal body (without the quotes), single quotes doubled.</summary>
    public static string Literal(string value) => value.Replace("'", "''", StringComparison.Ordinal);

    /// <summary>A SQL list of string literals, e.g. <c>['a.parquet', 'b.parquet']</c>.</summary>
    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(v => $"'{Literal(v)}'")) + "]";
}
