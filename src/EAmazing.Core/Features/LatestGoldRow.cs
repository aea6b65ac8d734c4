using System.Data.Common;
using EAmazing.Lake;

namespace EAmazing.Features;

/// <summary>
/// One person's latest row of a gold table (the greatest <c>as_of_time</c>), the per-user answer every scored table gives
/// the API and the business models: one query shape, so a change of layout or ordering is made once.
/// </summary>
public static class LatestGoldRow
{
    /// <summary>
    /// The user's latest row of <paramref name="table"/>, read from its Parquet files on disk (off the catalog, as the API
    /// reads, so it never locks the lake) and turned into a <typeparamref name="T"/> by <paramref name="read"/>; null when none.
    /// </summary>
    public static T? OfUser<T>(IScratchDatabase scratch, LakeLayout lake, string table, string columns, string pseudonym, Func<DbDataReader, T> read)
        where T : class
    {
        var files = GoldLayout.Files(lake, table);
        if (files.Count == 0)
        {
            return null;
        }

        T? found = null;
        scratch.ForEachRow(Query(files, columns, pseudonym), r => found = read(r));
        return found;
    }

    /// <summary>The query for the user's latest row in <paramref name="files"/>, at or before <paramref name="atOrBefore"/> when given.</summary>
    public static string Query(IReadOnlyList<string> files, string columns, string pseudonym, DateTime? atOrBefore = null)
    {
        var bound = atOrBefore is { } t ? $" AND {GoldTable.AsOfColumn} <= TIMESTAMP '{t:yyyy-MM-dd HH:mm:ss}'" : "";
        return $"""
            SELECT {columns} FROM {LakeSql.ReadParquet(files)}
            WHERE user_id = '{LakeSql.Literal(pseudonym)}'{bound} ORDER BY {GoldTable.AsOfColumn} DESC LIMIT 1
            """;
    }
}
