using System.Globalization;
using EAmazing.Lake;

namespace EAmazing.Features.Leakage;

/// <summary>
/// A table's month as a relation the audit can read, with the columns its view shows: its built Parquet file when
/// current, else its query.
/// </summary>
public static class GoldRows
{
    public static string Of(IGoldEngine engine, FeatureBuilder builder, GoldTable table, string month, IReadOnlyList<SilverInput> silver)
    {
        var current = table.SqlText is null
            && builder.Plan(new FeatureBuildRequest(Tables: [table])).Any(s => s.Table == table.Name && s.Month == month && s.Action == GoldAction.UpToDate);
        var rows = current
            ? table.ReadFiles([engine.Layout.Full(GoldLayout.Partition(table.Name, month))])
            : $"({builder.QueryFor(table, month, silver).Sql()})";
        return $"({table.Shown(rows)}) AS built";
    }

    /// <summary>
    /// A condition keeping at most <paramref name="max"/> of the rows of <paramref name="relation"/> matching
    /// <paramref name="where"/>: "TRUE" when they are fewer, else about one in every (n / max) by a seeded hash of the
    /// table's keys: deterministic, and the same rows of a table and of its recomputation.
    /// </summary>
    public static string Sample(IGoldEngine engine, string relation, string where, GoldTable table, int max, int seed)
    {
        var rows = Convert.ToInt64(engine.Compute($"SELECT count(*) FROM {relation} WHERE {where}").Rows[0][0], CultureInfo.InvariantCulture);
        if (rows <= max)
        {
            return "TRUE";
        }

        var keys = string.Join(", ", table.KeyColumns.Append(GoldTable.AsOfColumn).Distinct().Select(c => $"\"{c}\""));
        return $"hash({keys}, {seed}) % {(rows + max - 1) / max} = 0";
    }
}
