namespace EAmazing.Lake;

/// <summary>
/// Converts silver files written in an earlier format to the current one, which the silver view and the gold SQL read.
/// Three earlier formats exist: files that held a session as text, <c>session_id</c>
/// (<c>&lt;user pseudonym&gt;-&lt;n&gt;</c>), where files now hold <c>session_number</c> (n, taken from the file's own
/// session id, so sessions stay exactly as they were cut, whatever session gap made them); files without
/// <c>user_number</c>, the user's number in the month (computed over the month's files as ingest numbers them:
/// <c>Sql/silver_users.sql</c>); and files holding <c>source_session</c>, the source session's pseudonym, which silver
/// no longer keeps (bronze holds it). Each file is rewritten row for row in its order; all of them in one commit, so
/// the lake never mixes formats. Nothing else changes: bronze, quarantine and the suppression list are not touched. Gold
/// built from the old files is rebuilt by the next <c>features build</c> (its inputs changed).
/// </summary>
public static class SilverFormatUpgrade
{
    /// <summary>Converts every old-format silver file; returns the months converted (none when the lake is current).</summary>
    public static IReadOnlyList<string> Run(IGoldEngine lake)
    {
        // A month's silver files are always written together, so one file tells the month's format (one footer read
        // a month on every open, not one a file).
        var old = lake.Partitions()
            .Where(p => p.Layer == LakeLayer.Silver && File.Exists(lake.Layout.Full(p.Path)))
            .GroupBy(p => p.PartitionKey)
            .Where(month => !IsCurrent(lake, lake.Layout.Full(month.First().Path)))
            .ToList();
        if (old.Count == 0)
        {
            return [];
        }

        var converted = old.SelectMany(month => ConvertMonth(lake, [.. month])).ToList();
        CommitJournal.Commit(lake, LakeCommit.Change([], converted));
        return [.. old.Select(month => month.Key).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Whether a silver file is in the current format: it stores user numbers (the latest column added) and no source
    /// session (the latest column dropped).
    /// </summary>
    public static bool IsCurrent(ILakeEngine lake, string file) =>
        HasColumn(lake, file, "user_number") && !HasColumn(lake, file, "source_session");

    private static bool HasColumn(ILakeEngine lake, string file, string column) =>
        lake.Query($"SELECT count(*) FROM parquet_schema('{LakeSql.Literal(file)}') WHERE name = '{column}'").Rows[0][0] is not 0L;

    private static List<LakePartition> ConvertMonth(IGoldEngine lake, IReadOnlyList<LakePartition> month)
    {
        var files = month.Select(p => lake.Layout.Full(p.Path)).ToList();
        var numbered = HasColumn(lake, files[0], "user_number");
        if (!numbered)
        {
            lake.Compute(LakeSql.Render("silver_users", ("table", "upgrade_users"), ("sources", LakeSql.List(files))));
        }

        // The session number is the id's text after the pseudonym (32 hex digits and a hyphen).
        var session = HasColumn(lake, files[0], "session_number")
            ? "session_number"
            : "CAST(substr(session_id, length(user_id) + 2) AS INTEGER) AS session_number";
        // Silver's columns in their order, as the layer's one definition (Sql/silver_empty.sql) lists them: a column it
        // no longer lists is left out.
        var columns = lake.Compute($"SELECT column_name FROM (DESCRIBE {LakeSql.Load("silver_empty")})").Rows
            .Select(r => (string)r[0]!)
            .Select(c => c switch { "user_number" when !numbered => "u.user_number", "session_number" => session, _ => c });
        var select = string.Join(", ", columns);
        var join = numbered ? "" : "JOIN upgrade_users u USING (user_id)";
        return [.. month.Select(partition => Convert(lake, partition, select, join))];
    }

    private static LakePartition Convert(IGoldEngine lake, LakePartition partition, string select, string join)
    {
        var source = lake.Layout.Full(partition.Path);
        var temporary = lake.Layout.Temporary(partition.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(temporary)!);
        lake.Compute($"""
            COPY (SELECT {select}
                  FROM {LakeSql.ReadParquet(source, "file_row_number = true")}
                  {join}
                  ORDER BY file_row_number)
            TO '{LakeSql.Literal(temporary)}' ({LakeSql.LayerParquet})
            """);
        var rows = lake.CountParquetRows(temporary);
        if (rows != partition.Rows)
        {
            throw new InvalidDataException($"{partition.Path}: the converted file holds {rows:N0} rows, the catalog {partition.Rows:N0}; nothing was changed");
        }

        return partition with { Bytes = new FileInfo(temporary).Length, Sha256 = null };
    }
}
