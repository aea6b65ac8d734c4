using EAmazing.BusinessModels;
using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Lake.Catalog;

namespace EAmazing.Governance.Keys;

/// <summary>
/// Gold under the new key without rebuilding it: each partition's pseudonym columns go through the mapping (written
/// aside as <c>.tmp</c>, to ride in the rotation's lake commit), so gold is never missing. A rebuild from the re-keyed
/// silver gives the same rows, because no gold table's content depends on pseudonym values: user_id and session
/// keys are carried, not compared (a session's number is its rank within its user, whatever the user's name), and
/// re-keyed silver keeps each session's events in their order. Tested by comparing both ways with a rebuild.
/// <list type="bullet">
/// <item>A feature table's partition that is up to date with the current silver is re-keyed and recorded as built from
/// the new silver files; its aggregate tables (no pseudonym column) keep their file. A stale one is dropped, and
/// the rotation's rebuild step builds it from the new silver.</item>
/// <item>A business model's table keeps its file (aggregates) or is re-keyed (scores per user_id); its catalog row
/// (model version, fingerprint) stays.</item>
/// <item>Any other gold table, or a partition holding a pseudonym the mapping lacks, is dropped (as before).</item>
/// </list>
/// </summary>
public sealed class GoldRekeyer(IGoldEngine lake, PseudonymMapping mapping, FeatureBuilder features)
{
    /// <summary>The gold columns that hold a pseudonym, each re-keyed by <see cref="Rekey"/>; a file without any stays as it is.</summary>
    public static IReadOnlyList<string> PseudonymColumns { get; } = ["user_id", "session_key", "session_id"];

    /// <summary>The layer name under which gold files ride in a lake commit (as erasure writes them); never left in lake_partitions.</summary>
    private const string ErasureGold = "gold";

    /// <summary>Writes the re-keyed partitions aside; <paramref name="newSilver"/> are the silver partitions the same commit puts in place.</summary>
    public GoldRekey Write(IReadOnlyList<LakePartition> newSilver, string toKeyId)
    {
        RemoveTemporaryFiles();
        var partitions = new GoldCatalog(lake).Partitions();
        var oldSilver = features.SilverInputs();
        var replaced = newSilver.Where(p => p.Layer == LakeLayer.Silver).ToDictionary(p => p.Path, StringComparer.Ordinal);
        // The silver inputs as the features build will see them after the commit: same paths, the new files' versions
        // (a rename keeps the temporary file's modification time). Null if the commit does not replace exactly them.
        var nextSilver = replaced.Count == oldSilver.Count && oldSilver.All(s => replaced.ContainsKey(s.Path))
            ? oldSilver.Select(s => s with
            {
                Rows = replaced[s.Path].Rows,
                Bytes = replaced[s.Path].Bytes,
                Modified = File.GetLastWriteTimeUtc(lake.Layout.Temporary(s.Path)),
            }).ToList()
            : null;
        var written = BusinessModelCatalog.Default.WrittenTables.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

        var files = new List<LakePartition>();
        var catalog = new List<CatalogStatement>();
        var deletes = new List<string>();
        var kept = new List<GoldPartition>();
        int rekeyed = 0, unchanged = 0;
        foreach (var p in partitions)
        {
            var full = lake.Layout.Full(p.Path);
            var table = GoldTables.Find(p.Table);
            var upToDate = File.Exists(full) && (table is null
                ? written.Contains(p.Table)
                : nextSilver is not null && p.Fingerprint == features.Fingerprint(table, FeatureBuilder.InputsOf(table, p.Month, oldSilver)));
            var result = upToDate ? Rekey(p, table) : null;
            if (result is null)
            {
                deletes.Add(p.Path);
                catalog.Add(GoldPartitionsTable.Forget(p.Table, p.Month));
                continue;
            }

            var (rows, bytes) = result.Value;
            if (rows != p.Rows)
            {
                throw new InvalidOperationException($"{p.Path}: {rows} rows after re-keying, {p.Rows} before");
            }

            var next = p with { Bytes = bytes };
            if (table is not null)
            {
                var inputs = FeatureBuilder.InputsOf(table, p.Month, nextSilver!);
                next = next with { Inputs = string.Join('\n', inputs.Select(i => i.Version)), Fingerprint = features.Fingerprint(table, inputs) };
            }

            if (File.Exists(lake.Layout.Temporary(p.Path)))
            {
                files.Add(new LakePartition(ErasureGold, p.Month, p.Path, null, rows, bytes, toKeyId));
                rekeyed++;
            }
            else
            {
                unchanged++;
            }

            catalog.AddRange(GoldPartitionsTable.Record(next));
            kept.Add(next);
        }

        // Gold files ride in the journal so their renames are rolled forward with the rest; they are not lake partitions.
        catalog.Add(new($"DELETE FROM lake_partitions WHERE layer = '{ErasureGold}'"));
        var tables = GoldTables.All.Select(t => t.Name).Concat(written).Concat(partitions.Select(p => p.Table));
        catalog.AddRange(GoldCatalog.ViewStatements(lake.Layout, tables, kept));
        return new GoldRekey(files, deletes, catalog, rekeyed, unchanged, deletes.Count);
    }

    /// <summary>Writes the partition re-keyed under its temporary name (none when it holds no pseudonym); null: it cannot be re-keyed.</summary>
    private (long Rows, long Bytes)? Rekey(GoldPartition p, GoldTable? table)
    {
        var full = lake.Layout.Full(p.Path);
        var source = $"{LakeSql.ReadParquet(full, "file_row_number = true")}";
        var columns = mapping.Rows($"SELECT column_name FROM (DESCRIBE SELECT * FROM {LakeSql.ReadParquet(full)})")
            .Select(r => (string)r[0]!).ToList();
        var replacements = new Dictionary<string, string>(StringComparer.Ordinal);
        var joins = new List<string>();
        if (columns.Contains("user_id"))
        {
            replacements["user_id"] = "u.new";
            joins.Add("LEFT JOIN user_map u ON u.old = g.user_id");
        }

        if (columns.Contains("session_key"))
        {
            // yyyy-MM/<user>-<n>: the user part replaced, the month and the session's number kept
            replacements["session_key"] = "split_part(g.session_key, '/', 1) || '/' || k.new || substr(split_part(g.session_key, '/', 2), length(k.old) + 1)";
            joins.Add("LEFT JOIN user_map k ON k.old = split_part(split_part(g.session_key, '/', 2), '-', 1)");
        }

        if (columns.Contains("session_id"))
        {
            replacements["session_id"] = "i.new || substr(g.session_id, length(i.old) + 1)";
            joins.Add("LEFT JOIN user_map i ON i.old = split_part(g.session_id, '-', 1)");
        }

        if (replacements.Count == 0)
        {
            return (p.Rows, new FileInfo(full).Length); // no pseudonym: the file stays as it is
        }

        var from = $"{source} AS g\n{string.Join('\n', joins)}";
        var select = string.Join(", ", columns.Select(c => replacements.TryGetValue(c, out var e) ? $"{e} AS \"{c}\"" : $"g.\"{c}\""));
        var query = table?.PseudonymOrder is { } order
            ? $"SELECT * FROM (SELECT {select} FROM {from}) ORDER BY {order}"
            : $"SELECT {select} FROM {from} ORDER BY g.file_row_number";
        var temporary = lake.Layout.Temporary(p.Path);
        mapping.Execute($"COPY ({query}) TO '{LakeSql.Literal(temporary)}' ({LakeSql.GoldParquet})");

        // A pseudonym the mapping lacks comes out NULL (the joins are LEFT JOINs), so the re-keyed file has more NULLs in
        // that column than the original: counted on the two files' columns after the write, instead of a second pass of
        // the joins before it (at four full-scale months gold holds ~10 GB of pseudonym rows).
        if (Nulls(full, replacements.Keys) != Nulls(temporary, replacements.Keys))
        {
            File.Delete(temporary);
            return null;
        }

        return (lake.CountParquetRows(temporary), new FileInfo(temporary).Length);
    }

    /// <summary>The NULLs of each column, in the given order, as one comparable string.</summary>
    private string Nulls(string file, IEnumerable<string> columns)
    {
        var counts = string.Join(", ", columns.Select(c => $"count(*) FILTER (WHERE \"{c}\" IS NULL)"));
        var row = mapping.Rows($"SELECT {counts} FROM {LakeSql.ReadParquet(file)}").Single();
        return string.Join(',', row);
    }

    /// <summary>Leftovers of a rotation that stopped before its lake commit (the lake's recovery clears its layers, not gold).</summary>
    private void RemoveTemporaryFiles()
    {
        var gold = lake.Layout.Full(GoldLayout.Folder);
        if (Directory.Exists(gold) && !File.Exists(lake.Layout.Journal))
        {
            foreach (var orphan in Directory.EnumerateFiles(gold, "*" + LakeLayout.TemporarySuffix, SearchOption.AllDirectories))
            {
                File.Delete(orphan);
            }
        }
    }
}
