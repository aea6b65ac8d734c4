namespace EAmazing.Lake;

/// <summary>
/// Converts silver files written before silver stored a session as its number: those held the session id as text,
/// <c>session_id</c> (<c>&lt;user pseudonym&gt;-&lt;n&gt;</c>), where files now hold <c>session_number</c> (n), which the
/// silver view and the gold SQL read. Each old file is rewritten with n taken from its own session id, row for row in
/// its order, so sessions stay exactly as they were cut (whatever session gap made them); all of them in one commit,
/// so the lake never mixes the two formats. Nothing else changes: bronze, quarantine and the suppression list are not
/// touched. Gold built from the old files is rebuilt by the next <c>features build</c> (its inputs changed).
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
            .Where(month => !StoresSessionNumbers(lake, lake.Layout.Full(month.First().Path)))
            .SelectMany(month => month)
            .ToList();
        if (old.Count == 0)
        {
            return [];
        }

        var converted = old.Select(p => Convert(lake, p)).ToList();
        CommitJournal.Commit(lake, LakeCommit.Change([], converted));
        return [.. old.Select(p => p.PartitionKey).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>Whether a silver file stores session numbers (the current format).</summary>
    public static bool StoresSessionNumbers(ILakeEngine lake, string file) =>
        lake.Query($"SELECT count(*) FROM parquet_schema('{LakeSql.Literal(file)}') WHERE name = 'session_number'").Rows[0][0] is not 0L;

    private static LakePartition Convert(IGoldEngine lake, LakePartition partition)
    {
        var source = lake.Layout.Full(partition.Path);
        var temporary = lake.Layout.Temporary(partition.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(temporary)!);
        // The session number is the id's text after the pseudonym (32 hex digits and a hyphen); the rows keep their order.
        lake.Compute($"""
            COPY (SELECT event_time, event_type, product_id, category_id, category_code, brand, price, user_id, source_session,
                         CAST(substr(session_id, length(user_id) + 2) AS INTEGER) AS session_number, source_file, source_line, key_id
                  FROM {LakeSql.ReadParquet(source, "file_row_number = true")}
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
