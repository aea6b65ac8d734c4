using EAmazing.BusinessModels;
using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Lake.Catalog;

namespace EAmazing.Governance.Keys;

/// <summary>
/// Gold under the new key without rebuilding it: each partition's pseudonym columns go through the mapping, written aside
/// as <c>.tmp</c> and put in place by a commit of its own once silver is on the new key, so the rotation needs one
/// partition's file free, not gold's. A rebuild from the re-keyed silver gives the same rows, because no gold table's
/// content depends on pseudonym values: user_id and session keys are carried, not compared (a session's number is its
/// rank within its user, whatever the user's name), and re-keyed silver keeps each session's events in their order.
/// Tested by comparing both ways with a rebuild.
/// <list type="bullet">
/// <item>A feature table's partition that was up to date with silver before the rotation (<see cref="UpToDate"/>, read
/// before silver changes) is re-keyed and recorded as built from the new silver files; its aggregate tables (no pseudonym
/// column) keep their file. A stale one is dropped, and the rotation's rebuild step builds it from the new silver.</item>
/// <item>A business model's table keeps its file (aggregates) or is re-keyed (scores per user_id); its catalog row
/// (model version, fingerprint) stays.</item>
/// <item>Any other gold table, or a partition holding a pseudonym the mapping lacks, is dropped (as before).</item>
/// </list>
/// A resumed rotation knows a partition it re-keyed already: a feature table's fingerprint is the new silver's, a model
/// table holds no pseudonym of the old key.
/// </summary>
public sealed class GoldRekeyer(IGoldEngine lake, PseudonymMapping mapping, FeatureBuilder features)
{
    /// <summary>The gold columns that hold a pseudonym, each re-keyed by <see cref="Rekey"/>; a file without any stays as it is.</summary>
    public static IReadOnlyList<string> PseudonymColumns { get; } = ["user_id", "session_key", "session_id"];

    /// <summary>The layer name under which gold files ride in a lake commit (as erasure writes them); never left in lake_partitions.</summary>
    private const string ErasureGold = "gold";

    /// <summary>The feature tables' partitions up to date with silver now (<c>table/month</c>): read before silver changes.</summary>
    public IReadOnlyList<string> UpToDate()
    {
        var silver = features.SilverInputs();
        return [.. new GoldCatalog(lake).Partitions()
            .Where(p => File.Exists(lake.Layout.Full(p.Path)) && GoldTables.Find(p.Table) is { } table
                && p.Fingerprint == features.Fingerprint(table, FeatureBuilder.InputsOf(table, p.Month, silver)))
            .Select(Name)];
    }

    /// <summary>
    /// Re-keys gold once silver is on the new key, committing each rewritten file through <paramref name="commit"/>;
    /// returns the statements of the rotation's last commit (drops, the kept partitions' new fingerprints, the views).
    /// </summary>
    /// <param name="upToDate">What <see cref="UpToDate"/> gave before the rotation changed silver.</param>
    public GoldRekey Write(IReadOnlySet<string> upToDate, string toKeyId, Action<LakeCommit> commit)
    {
        RemoveTemporaryFiles();
        var partitions = new GoldCatalog(lake).Partitions();
        var silver = features.SilverInputs();
        var written = BusinessModelCatalog.Default.WrittenTables.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

        var catalog = new List<CatalogStatement>();
        var deletes = new List<string>();
        var kept = new List<GoldPartition>();
        int rekeyed = 0, unchanged = 0;
        foreach (var p in partitions)
        {
            var full = lake.Layout.Full(p.Path);
            var table = GoldTables.Find(p.Table);
            var next = p;
            if (table is not null)
            {
                var inputs = FeatureBuilder.InputsOf(table, p.Month, silver);
                next = p with { Inputs = string.Join('\n', inputs.Select(i => i.Version)), Fingerprint = features.Fingerprint(table, inputs) };
            }

            if (File.Exists(full) && (table is null ? written.Contains(p.Table) && HoldsNewPseudonyms(full) : next.Fingerprint == p.Fingerprint))
            {
                kept.Add(p); // re-keyed by an earlier run of this rotation
                rekeyed++;
                continue;
            }

            var result = File.Exists(full) && (table is null ? written.Contains(p.Table) : upToDate.Contains(Name(p))) ? Rekey(p, table) : null;
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

            next = next with { Bytes = bytes };
            kept.Add(next);
            if (!File.Exists(lake.Layout.Temporary(p.Path)))
            {
                unchanged++;
                catalog.AddRange(GoldPartitionsTable.Record(next)); // no pseudonym: only its record follows silver
                continue;
            }

            // Gold files ride in the journal so their renames are rolled forward; they are not lake partitions.
            commit(LakeCommit.Change([], [new LakePartition(ErasureGold, p.Month, p.Path, null, rows, bytes, toKeyId)],
                [.. GoldPartitionsTable.Record(next), new($"DELETE FROM lake_partitions WHERE layer = '{ErasureGold}'")]));
            rekeyed++;
        }

        var tables = GoldTables.All.Select(t => t.Name).Concat(written).Concat(partitions.Select(p => p.Table));
        catalog.AddRange(GoldCatalog.ViewStatements(lake.Layout, tables, kept));
        return new GoldRekey(deletes, catalog, rekeyed, unchanged, deletes.Count);
    }

    private static string Name(GoldPartition p) => p.Table + "/" + p.Month;

    /// <summary>Whether a file has a user_id column none of whose values is a pseudonym of the old key (re-keyed already).</summary>
    private bool HoldsNewPseudonyms(string file) =>
        mapping.Rows($"SELECT column_name FROM (DESCRIBE SELECT * FROM {LakeSql.ReadParquet(file)})").Any(r => (string)r[0]! == "user_id")
        && mapping.Scalar($"SELECT count(*) FROM (SELECT 1 FROM {LakeSql.ReadParquet(file)} AS g SEMI JOIN user_map m ON m.old = g.user_id LIMIT 1)") == 0;

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
