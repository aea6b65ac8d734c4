using EAmazing.Lake;

namespace EAmazing.Features.Leakage;

/// <summary>A table's month as a relation the audit can read: its built Parquet file when current, else its query.</summary>
public static class GoldRows
{
    public static string Of(IGoldEngine engine, FeatureBuilder builder, GoldTable table, string month, IReadOnlyList<SilverInput> silver)
    {
        var current = table.SqlText is null
            && builder.Plan(new FeatureBuildRequest(Tables: [table])).Any(s => s.Month == month && s.Action == GoldAction.UpToDate);
        return current
            ? $"read_parquet('{LakeSql.Literal(engine.Layout.Full(GoldLayout.Partition(table.Name, month)))}', hive_partitioning = false)"
            : $"({builder.QueryFor(table, month, silver).Sql()}) AS built";
    }

    /// <summary>
    /// A condition keeping about one row in <paramref name="every"/> by a seeded hash of the table's keys ("TRUE" for 1):
    /// deterministic, and the same rows of a table and of its recomputation.
    /// </summary>
    public static string Sample(GoldTable table, long every, int seed) =>
        every <= 1 ? "TRUE" : $"hash({string.Join(", ", table.KeyColumns.Append(GoldTable.AsOfColumn).Distinct().Select(c => $"\"{c}\""))}, {seed}) % {every} = 0";

    /// <summary>One row in how many keeps at most <paramref name="max"/> of <paramref name="rows"/>.</summary>
    public static long Every(long rows, int max) => rows <= max ? 1 : (rows + max - 1) / max;
}
