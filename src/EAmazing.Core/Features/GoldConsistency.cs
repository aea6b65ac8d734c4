using EAmazing.Lake;

namespace EAmazing.Features;

/// <summary>
/// Checks that the gold layer agrees with its catalog rows: every recorded partition exists with its row count,
/// every gold Parquet file is recorded, no temporary file is left. Empty list: consistent.
/// </summary>
public static class GoldConsistency
{
    public static IReadOnlyList<string> Check(IGoldEngine engine)
    {
        var problems = new List<string>();
        var layout = engine.Layout;
        var gold = layout.Full(GoldLayout.Folder);
        var onDisk = Directory.Exists(gold)
            ? Directory.EnumerateFiles(gold, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(layout.Root, f).Replace(Path.DirectorySeparatorChar, '/')).ToList()
            : [];
        problems.AddRange(onDisk.Where(f => f.EndsWith(LakeLayout.TemporarySuffix, StringComparison.Ordinal)).Select(f => $"temporary file left behind: {f}"));
        var partitions = new GoldCatalog(engine).Partitions();
        var recorded = partitions.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(onDisk.Where(f => f.EndsWith(".parquet", StringComparison.Ordinal) && !recorded.Contains(f)).Select(f => $"gold file not in the catalog: {f}"));
        foreach (var p in partitions)
        {
            if (!File.Exists(layout.Full(p.Path)))
            {
                problems.Add($"catalog names a missing gold file: {p.Path}");
            }
            else if (engine.CountParquetRows(layout.Full(p.Path)) is var rows && rows != p.Rows)
            {
                problems.Add($"{p.Path}: {rows} rows on disk, {p.Rows} in the catalog");
            }
        }

        return problems;
    }
}
