using System.Globalization;
using EAmazing.Lake.Catalog;

namespace EAmazing.Lake;

/// <summary>
/// Checks that the lake agrees with its catalog: every Parquet file is recorded and every recorded file
/// exists with its row count, every ingested file's rows balance and match its partitions, every bronze
/// month has its silver month with exactly the distinct rows. Empty list: consistent.
/// </summary>
public static class LakeConsistency
{
    public static IReadOnlyList<string> Check(ILakeEngine lake)
    {
        var problems = new List<string>();
        var layout = lake.Layout;
        if (File.Exists(layout.Journal))
        {
            problems.Add("a commit journal is still pending");
        }

        problems.AddRange(layout.TemporaryFilesOnDisk().Select(f => $"temporary file left behind: {Path.GetRelativePath(layout.Root, f)}"));
        var partitions = lake.Partitions();
        var recorded = partitions.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        var onDisk = layout.ParquetFilesOnDisk().ToHashSet(StringComparer.Ordinal);
        problems.AddRange(onDisk.Except(recorded).Select(p => $"Parquet file not in the catalog: {p}"));
        problems.AddRange(partitions.Where(p => !onDisk.Contains(p.Path)).Select(p => $"missing file: {p.Path} ({Describe(p)})"));
        foreach (var p in partitions.Where(p => onDisk.Contains(p.Path)))
        {
            var rows = lake.CountParquetRows(layout.Full(p.Path));
            if (rows != p.Rows)
            {
                problems.Add($"{p.Path}: {rows} rows on disk, {p.Rows} in the catalog");
            }
            else if (p.Sha256 is { } recordedHash && PartitionHash.Of(layout.Full(p.Path)) != recordedHash)
            {
                problems.Add($"changed file: {p.Path} ({Describe(p)}): its content differs from the one committed (sha256)");
            }
        }

        var removed = RowRemovalsTable.RemovedPerFile(lake);
        foreach (var file in lake.IngestedFiles())
        {
            if (!file.Rows.IsBalanced)
            {
                problems.Add($"{file.Path}: rows do not balance ({file.Rows})");
            }

            // Rows erased or expired since the ingest still count: they were accepted (or quarantined) once.
            var bronze = partitions.Where(p => p.Layer == LakeLayer.Bronze && p.FileId == file.FileId).Sum(p => p.Rows)
                + removed.GetValueOrDefault((file.FileId, LakeLayer.Bronze));
            var quarantine = partitions.Where(p => p.Layer == LakeLayer.Quarantine && p.FileId == file.FileId).Sum(p => p.Rows)
                + removed.GetValueOrDefault((file.FileId, LakeLayer.Quarantine));
            if (bronze != file.Rows.Accepted + file.Rows.Duplicates || quarantine != file.Rows.Quarantined)
            {
                problems.Add($"{file.Path}: partitions hold {bronze} bronze and {quarantine} quarantined rows, the catalog says {file.Rows}");
            }
        }

        var bronzeMonths = partitions.Where(p => p.Layer == LakeLayer.Bronze).Select(p => p.PartitionKey).ToHashSet(StringComparer.Ordinal);
        var silverMonths = partitions.Where(p => p.Layer == LakeLayer.Silver).Select(p => p.PartitionKey).ToHashSet(StringComparer.Ordinal);
        if (!bronzeMonths.SetEquals(silverMonths))
        {
            problems.Add($"bronze months [{string.Join(", ", bronzeMonths.Order())}] differ from silver months [{string.Join(", ", silverMonths.Order())}]");
        }

        foreach (var month in silverMonths.Intersect(bronzeMonths))
        {
            var distinct = Convert.ToInt64(lake.Query($"""
                SELECT count(*) FROM (
                    SELECT DISTINCT event_time, event_type, product_id, category_id, category_code, brand, price, user_id, user_session
                    FROM bronze WHERE strftime(event_time, '%Y-%m') = '{LakeSql.Literal(month)}') AS d
                """).Rows[0][0], CultureInfo.InvariantCulture);
            var silver = partitions.Where(p => p.Layer == LakeLayer.Silver && p.PartitionKey == month).Sum(p => p.Rows);
            if (distinct != silver)
            {
                problems.Add($"silver {month}: {silver} rows, bronze holds {distinct} distinct rows");
            }
        }

        return problems;
    }

    /// <summary>The partitions the catalog records whose file is not on disk.</summary>
    public static IReadOnlyList<LakePartition> MissingPartitions(ILakeEngine lake) =>
        lake.Partitions().Where(p => !File.Exists(lake.Layout.Full(p.Path))).ToList();

    /// <summary>Which table and partition a file belongs to, in words.</summary>
    public static string Describe(LakePartition partition) => partition.Layer == LakeLayer.Quarantine
        ? $"quarantine of source file {partition.PartitionKey}"
        : $"{partition.Layer} month {partition.PartitionKey}" + (partition.FileId is { } file ? $", source file {file}" : "");
}
