using System.Globalization;

namespace EAmazing.Lake.Catalog;

/// <summary>
/// Every statement on the catalog's <c>row_removals</c> ledger (see <c>Lake/Sql/catalog.sql</c>): rows removed
/// from a layer after their file was ingested, so every file still balances. A row's key is its file, layer,
/// reason and reference: each writer (erasure, retention) replaces only its own rows, so a re-run of one removal
/// is idempotent and never touches another's.
/// </summary>
public static class RowRemovalsTable
{
    /// <summary>Records the rows one removal took from one file's layer, replacing that removal's earlier row.</summary>
    /// <param name="removedAt">A timestamp literal the catalog casts (the writer's own precision).</param>
    public static IReadOnlyList<CatalogStatement> Record(string fileId, string layer, string reason, string reference, long rows, string removedAt) =>
    [
        new("DELETE FROM row_removals WHERE file_id = $1 AND layer = $2 AND reason = $3 AND reference = $4", fileId, layer, reason, reference),
        new("INSERT INTO row_removals VALUES ($1, $2, $3, $4, $5, CAST($6 AS TIMESTAMP))", fileId, layer, reason, reference, rows, removedAt),
    ];

    /// <summary>Rows removed per ingested file and layer, over every reason.</summary>
    public static IReadOnlyDictionary<(string FileId, string Layer), long> RemovedPerFile(ILakeEngine lake) =>
        lake.Query("SELECT file_id, layer, CAST(sum(row_count) AS BIGINT) FROM row_removals GROUP BY ALL").Rows
            .ToDictionary(r => ((string)r[0]!, (string)r[1]!), r => Convert.ToInt64(r[2], CultureInfo.InvariantCulture));

    /// <summary>SQL counting the distinct removals (erasure ids, retention runs) recorded for a reason.</summary>
    public static string CountRuns(string reason) =>
        $"SELECT count(DISTINCT reference) FROM row_removals WHERE reason = '{LakeSql.Literal(reason)}'";
}
