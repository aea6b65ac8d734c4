using System.Globalization;
using EAmazing.Features;
using EAmazing.Lake;

namespace EAmazing.BusinessModels.Segmentation.Scoring;

/// <summary>
/// The gold table <c>customer_segments</c>: each user's segment per scored snapshot (user pseudonym, snapshot time,
/// stable segment id and name, model version), one partition per month of the snapshot. Being a gold partition, it is
/// covered by erasure, retention, subject-access export, key rotation (dropped: re-score) and the register.
/// </summary>
public static class SegmentAssignments
{
    public const string Table = "customer_segments";

    /// <summary>The table as the gold catalog knows it: written by <c>eamazing score segments</c>, never built from silver.</summary>
    public static readonly GoldTable Gold = new(Table, MonthInputs.HistoryToMonth, ["user_id", "as_of_time"], [], ["user_id", "segment_id", "segment_name", "model_version"],
        "the champion segmentation's segment per user and snapshot (written by eamazing score segments)");

    public static readonly string[] Columns = ["user_id", "as_of_time", "segment_id", "segment_name", "model_version"];

    private const string AssignmentColumns = "as_of_time, segment_id, segment_name, model_version";

    /// <summary>
    /// Writes the snapshot's assignments into its month's partition (replacing an earlier scoring of the same snapshot,
    /// keeping the month's other snapshots): a temporary file renamed into place, then the catalog row.
    /// </summary>
    public static (string Partition, long Rows) Write(IGoldEngine lake, DateTime snapshot, IReadOnlyList<string> users, int[] segmentIds, IReadOnlyList<string> names, int version)
    {
        var month = snapshot.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var partition = new GoldPartitionWriter(lake, Gold, month);
        var rows = partition.Write(Columns, writer =>
            {
                for (var i = 0; i < users.Count; i++)
                {
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{users[i]},{snapshot:yyyy-MM-dd HH:mm:ss},{segmentIds[i]},{names[i]},{version}"));
                }
            },
            staged =>
            {
                var at = $"TIMESTAMP '{snapshot:yyyy-MM-dd HH:mm:ss}'";
                var previous = new GoldCatalog(lake).Partitions().Any(p => p.Table == Table && p.Month == month) && File.Exists(partition.Target)
                    ? $" UNION ALL SELECT {string.Join(", ", Columns)} FROM {LakeSql.ReadParquet(partition.Target)} WHERE as_of_time <> {at}"
                    : "";
                return $"""
                    SELECT user_id, CAST(as_of_time AS TIMESTAMP) AS as_of_time, CAST(segment_id AS INTEGER) AS segment_id, segment_name, CAST(model_version AS INTEGER) AS model_version
                    FROM read_csv('{LakeSql.Literal(staged)}', header = true, all_varchar = true, delim = ',', quote = '')
                    {previous}
                    ORDER BY as_of_time, user_id
                    """;
            },
            "", $"{Table}@{snapshot:yyyy-MM-dd}:v{version}", refreshView: false);
        return (partition.Partition, rows);
    }

    /// <summary>A user's latest assignment, read from the table's Parquet files on disk (off the catalog, as the API reads).</summary>
    public static SegmentOfUser? Find(IScratchDatabase scratch, LakeLayout lake, string pseudonym) =>
        LatestGoldRow.OfUser(scratch, lake, Table, AssignmentColumns, pseudonym, r => new SegmentOfUser(r.GetDateTime(0), r.GetInt32(1), r.GetString(2), r.GetInt32(3)));

    /// <summary>A user's latest assignment at or before <paramref name="asOf"/> (null: the latest), or null when none.</summary>
    public static (DateTime AsOf, int SegmentId, string Name, int Version)? Find(IGoldEngine lake, string pseudonym, DateTime? asOf = null)
    {
        var files = new GoldCatalog(lake).Partitions().Where(p => p.Table == Table).Select(p => lake.Layout.Full(p.Path)).Where(File.Exists).ToList();
        if (files.Count == 0)
        {
            return null;
        }

        var rows = lake.Compute(LatestGoldRow.Query(files, AssignmentColumns, pseudonym, asOf)).Rows;
        return rows.Count == 0
            ? null
            : ((DateTime)rows[0][0]!, Convert.ToInt32(rows[0][1], CultureInfo.InvariantCulture), (string)rows[0][2]!, Convert.ToInt32(rows[0][3], CultureInfo.InvariantCulture));
    }
}
