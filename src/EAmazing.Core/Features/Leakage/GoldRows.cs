using System.Globalization;
using EAmazing.Lake;

namespace EAmazing.Features.Leakage;

/// <summary>
/// A table's month as a relation the audit can read, with the columns its view shows: its built Parquet file, the rows a
/// training reads, else (nothing built yet, or a table defined by its SQL text alone) its query.
/// </summary>
public static class GoldRows
{
    /// <summary>
    /// The built file is read even when the build plan calls it stale (<c>features audit</c> of such a month says so): it
    /// is what a training reads. The query instead, which every cutoff's comparison reads again, recomputed the whole month
    /// some sixty times: the churn audit of seven full-scale months, all stale after an erasure, spilled 100 GB in 23
    /// minutes without finishing. (A training now refuses stale inputs before its audit: <c>FeatureBuilder.Outdated</c>.)
    /// </summary>
    public static string Of(IGoldEngine engine, FeatureBuilder builder, GoldTable table, string month, IReadOnlyList<SilverInput> silver)
    {
        var rows = BuiltFile(engine, table, month) is { } file
            ? table.ReadFiles([file])
            : $"({builder.QueryFor(table, month, silver).Sql()})";
        return $"({table.Shown(rows)}) AS built";
    }

    private static string? BuiltFile(IGoldEngine engine, GoldTable table, string month) =>
        table.SqlText is not null
            ? null
            : new GoldCatalog(engine).Partitions().FirstOrDefault(p => p.Table == table.Name && p.Month == month) is { } built
              && engine.Layout.Full(built.Path) is var full && File.Exists(full)
                ? full
                : null;

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
