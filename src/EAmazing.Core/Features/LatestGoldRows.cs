using EAmazing.Lake;

namespace EAmazing.Features;

/// <summary>
/// The rows of a scored gold table's latest scoring (those at its greatest as-of time), the set every page of a scored
/// table starts from: one query shape, read from the Parquet files on disk (off the catalog, so it never locks the lake).
/// </summary>
public static class LatestGoldRows
{
    /// <summary>
    /// A query for every column of <paramref name="table"/>'s rows whose <paramref name="asOfColumn"/> is the greatest,
    /// to use as a subquery; null when the table has no file yet.
    /// </summary>
    public static string? Query(LakeLayout lake, string table, string asOfColumn = GoldTable.AsOfColumn)
    {
        var files = GoldLayout.Files(lake, table);
        return files.Count == 0
            ? null
            : $"""
                WITH scored AS (SELECT * FROM {LakeSql.ReadParquet(files)})
                SELECT * FROM scored WHERE {asOfColumn} = (SELECT max({asOfColumn}) FROM scored)
                """;
    }
}
