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
}
