using System.Globalization;
using EAmazing.Lake;
using EAmazing.Privacy;

namespace EAmazing.Governance.Keys;

/// <summary>
/// Rewrites the lake from one key's pseudonyms to another's through a <see cref="PseudonymMapping"/>, one month (partition
/// key) at a time: each month's bronze, silver and quarantine files are written aside as <c>.tmp</c> and put in place by
/// a <see cref="LakeCommit"/> of their own (<see cref="WriteMonth"/>), so the rotation needs one month's files free, not the
/// lake's; the key ids of <c>ingested_files</c> and the suppression list's digests follow in the rotation's last commit
/// (<see cref="CatalogChanges"/>). Row order within each file is kept, except silver, whose files are user buckets by
/// pseudonym: rows move to the bucket of their new pseudonym. Gold follows once silver is done (<see cref="GoldRekeyer"/>).
/// </summary>
public sealed class LakeRekeyer(IGoldEngine lake, PseudonymMapping mapping, string fromKeyId, string toKeyId, long sliceRows = LakeRekeyer.DefaultSliceRows)
{
    /// <summary>Rows of a bronze or quarantine file sorted back into order at once (about 0.5 GB of sort at full scale).</summary>
    public const long DefaultSliceRows = 2_000_000;

    /// <summary>Pseudonyms the mapping must cover: (layer, column, map) for every column holding one.</summary>
    private static readonly (string Layer, string Column, string Map)[] Identified =
    [
        (LakeLayer.Bronze, "user_id", "user_map"), (LakeLayer.Bronze, "user_session", "session_map"),
        (LakeLayer.Silver, "user_id", "user_map"),
        (LakeLayer.Quarantine, "user_id", "user_map"), (LakeLayer.Quarantine, "user_session", "session_map"),
    ];

    private LakeLayout Layout => lake.Layout;

    /// <summary>
    /// Refuses, before anything is written, when a pseudonym in the lake is not derived from the source files
    /// under the current key, or (unless <paramref name="dropUnmatched"/>) a suppressed subject is in no source file.
    /// </summary>
    /// <exception cref="KeyRotationRefusedException">The mapping does not explain the lake.</exception>
    public SuppressionPlan Check(bool dropUnmatched)
    {
        // A resumed rotation has months on the new key already: only the files still on the old one must be explained.
        var partitions = lake.Partitions().Where(p => p.KeyId != toKeyId).ToList();
        foreach (var (layer, column, map) in Identified)
        {
            var files = partitions.Where(p => p.Layer == layer).Select(p => Layout.Full(p.Path)).ToList();
            if (files.Count == 0)
            {
                continue;
            }

            var unmapped = mapping.Scalar($"""
                SELECT count(*) FROM (SELECT DISTINCT {column} AS p FROM {LakeSql.ReadParquet(files, "union_by_name = true")} WHERE {column} IS NOT NULL) AS v
                ANTI JOIN {map} m ON m.old = v.p
                """);
            if (unmapped > 0)
            {
                throw new KeyRotationRefusedException(
                    $"cannot rotate the pseudonym key: {unmapped:N0} distinct {column} pseudonyms in {layer} do not come from the recorded source files under key {fromKeyId}; nothing was changed", isDataError: true);
            }
        }

        var plan = PlanSuppressions();
        if (plan.Unmatched.Count > 0 && !dropUnmatched)
        {
            throw new KeyRotationRefusedException(
                $"cannot rotate the pseudonym key: {plan.Unmatched.Count:N0} suppressed (erased) subjects appear in no recorded source file, so their digests cannot be carried to the new key. "
                + "Rerun with --drop-unmatched-suppressions to remove them from the suppression list (a file holding them ingested later would not be filtered); nothing was changed", isDataError: true);
        }

        return plan;
    }

    /// <summary>The months (partition keys) with a file still on the old key, in order: one commit each.</summary>
    public IReadOnlyList<string> MonthsLeft() =>
        [.. lake.Partitions().Where(p => p.KeyId != toKeyId).Select(p => p.PartitionKey).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Writes one month's files aside and returns the commit that puts them in place.</summary>
    public LakeCommit WriteMonth(string month, out RekeyCounts counts)
    {
        var partitions = lake.Partitions().Where(p => p.PartitionKey == month && p.KeyId != toKeyId).ToList();
        var written = new List<LakePartition>();
        foreach (var p in partitions.Where(p => p.Layer is LakeLayer.Bronze or LakeLayer.Quarantine))
        {
            written.Add(WriteInOrder(p, "user_id", "user_session"));
        }

        var silver = partitions.Where(p => p.Layer == LakeLayer.Silver).ToList();
        if (silver.Count > 0)
        {
            var newMonth = WriteSilverMonth(silver);
            var before = silver.Sum(p => p.Rows);
            var after = newMonth.Sum(p => p.Rows);
            if (before != after)
            {
                throw new InvalidOperationException($"silver {month}: {after} rows after re-keying, {before} before");
            }

            written.AddRange(newMonth);
        }

        counts = new RekeyCounts(
            written.Count(p => p.Layer == LakeLayer.Bronze), written.Count(p => p.Layer == LakeLayer.Silver), written.Count(p => p.Layer == LakeLayer.Quarantine),
            written.Sum(p => p.Rows), 0, 0, mapping.Users, mapping.Sessions);
        return LakeCommit.Change([], written);
    }

    /// <summary>
    /// The catalog's move to the new key, for the rotation's last commit: the ingested files' key ids, the suppression
    /// list's digests and the erasure log's. Until it lands the catalog still records the old key, so a resumed rotation
    /// knows it has not finished.
    /// </summary>
    public IReadOnlyList<CatalogStatement> CatalogChanges(SuppressionPlan suppressions)
    {
        var catalog = new List<CatalogStatement>
        {
            new("UPDATE ingested_files SET key_id = $1 WHERE key_id = $2", toKeyId, fromKeyId),
        };
        foreach (var (oldDigest, newDigest, since) in suppressions.Mapped)
        {
            // Idempotent on replay: whichever digest is there goes, the new one comes back once.
            catalog.Add(new("DELETE FROM suppressed_subjects WHERE subject_digest = $1 OR subject_digest = $2", oldDigest, newDigest));
            catalog.Add(new("INSERT INTO suppressed_subjects VALUES ($1, $2, CAST($3 AS TIMESTAMP))", newDigest, toKeyId, since));

            // The erasure log follows, so a right-of-access export under the new key still finds the person's erasures.
            catalog.Add(new("UPDATE erasure_log SET subject_digest = $1, key_id = $2 WHERE subject_digest = $3", newDigest, toKeyId, oldDigest));
        }

        foreach (var digest in suppressions.Unmatched)
        {
            catalog.Add(new("DELETE FROM suppressed_subjects WHERE subject_digest = $1", digest));
        }

        return catalog;
    }

    /// <summary>
    /// Bronze and quarantine: one file per source file (and month), rows in their original order. A join does not keep
    /// the file's order, and sorting a whole full-scale month back into it (55-67M wide rows) spilled more than this volume
    /// had beside the mapping (seven months, November, 2026-12-07). So a file over <see cref="sliceRows"/> rows is joined
    /// once into a staging file that carries each row's position, each slice of positions is sorted on its own (a sort
    /// that fits in memory; the staged file is nearly in order, so its row groups' statistics keep each slice's read
    /// short), and the sorted slices are read back, in order, into the file: a scan of a list of files keeps their order.
    /// The file's source lines are then compared, position by position, with the original's.
    /// </summary>
    private LakePartition WriteInOrder(LakePartition p, string userColumn, string sessionColumn)
    {
        var source = Layout.Full(p.Path);
        var select = SelectList(source, new Dictionary<string, string>
        {
            [userColumn] = "u.new",
            [sessionColumn] = "s.new",
            ["key_id"] = $"'{toKeyId}'",
        });
        var joined = $"""
            SELECT {select}, b.file_row_number AS rekey_row
            FROM {LakeSql.ReadParquet(source, "file_row_number = true")} AS b
            LEFT JOIN user_map u ON u.old = b.{userColumn}
            LEFT JOIN {SessionsOf([source], sessionColumn)} s ON s.old = b.{sessionColumn}
            """;
        if (p.Rows <= sliceRows)
        {
            return InOrder(source, Write(p, $"SELECT * EXCLUDE (rekey_row) FROM ({joined}) ORDER BY rekey_row"));
        }

        // Emptied by the finally below, and with the whole scratch folder on every lake open.
        var folder = Directory.CreateDirectory(Path.Combine(Layout.Staging, "rekey-rows")).FullName;
        try
        {
            var staged = Path.Combine(folder, "joined.parquet");
            mapping.Execute($"COPY ({joined}) TO '{LakeSql.Literal(staged)}' (FORMAT parquet, COMPRESSION zstd)");
            var slices = new List<string>();
            for (long from = 0; from < p.Rows; from += sliceRows)
            {
                var slice = Path.Combine(folder, $"slice-{slices.Count:D5}.parquet");
                mapping.Execute($"""
                    COPY (SELECT * FROM {LakeSql.ReadParquet(staged)} WHERE rekey_row >= {from} AND rekey_row < {from + sliceRows} ORDER BY rekey_row)
                    TO '{LakeSql.Literal(slice)}' (FORMAT parquet, COMPRESSION zstd)
                    """);
                slices.Add(slice);
            }

            File.Delete(staged);
            return InOrder(source, Write(p, $"SELECT * EXCLUDE (rekey_row) FROM {LakeSql.ReadParquet(slices)}"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The re-keyed file's rows, position by position, are the original's (its source lines are unique).</summary>
    private LakePartition InOrder(string source, LakePartition written)
    {
        var moved = mapping.Scalar($"""
            SELECT count(*) FROM {LakeSql.ReadParquet(source)} AS before
            POSITIONAL JOIN {LakeSql.ReadParquet(Layout.Temporary(written.Path))} AS after
            WHERE before.source_line IS DISTINCT FROM after.source_line
            """);
        if (moved > 0)
        {
            throw new InvalidOperationException($"{written.Path}: {moved:N0} rows out of their original order after re-keying");
        }

        return written;
    }

    /// <summary>
    /// Silver: a bucket's users are those whose new pseudonym falls in it; a session is its number under its user, so
    /// it follows the user (silver keeps no session pseudonym: the session map is bronze's and quarantine's only). The
    /// month is read and joined to the maps once: with one bucket straight into its file; with several, into one temporary file per first hex digit of the new pseudonym (DuckDB's PARTITION_BY), then each
    /// bucket sorts its digits' files into its own (reading every bucket from the month's files re-read and re-joined
    /// the month per bucket).
    /// Each bucket gets the rows, in the order (event time, user, source file and line), a query per bucket gives.
    /// </summary>
    private List<LakePartition> WriteSilverMonth(IReadOnlyList<LakePartition> buckets)
    {
        var files = buckets.Select(p => Layout.Full(p.Path)).ToList();
        var select = SelectList(files[0], new Dictionary<string, string>
        {
            ["user_id"] = "u.new",
            ["key_id"] = $"'{toKeyId}'",
        });
        var rekeyed = $"""
            SELECT {select}, substr(u.new, 1, 1) AS rekey_digit
            FROM {LakeSql.ReadParquet(files)} AS b
            JOIN user_map u ON u.old = b.user_id
            """;
        const string Order = "ORDER BY event_time, user_id, source_file, source_line";
        if (buckets.Count == 1)
        {
            return [Write(buckets[0], $"SELECT * EXCLUDE (rekey_digit) FROM ({rekeyed}) {Order}")];
        }

        var folder = Path.Combine(Layout.Staging, "rekey-silver-" + buckets[0].PartitionKey);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        try
        {
            mapping.Execute($"COPY ({rekeyed}) TO '{LakeSql.Literal(folder)}' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (rekey_digit))");
            return buckets.Select(p =>
            {
                var name = Path.GetFileNameWithoutExtension(p.Path); // users-X-Y
                var bucket = new UserBucket(name[^3], name[^1]);
                var parts = Directory.Exists(folder)
                    ? Directory.EnumerateDirectories(folder, "rekey_digit=*")
                        .Where(d => d[^1] is var digit && string.CompareOrdinal(digit.ToString(), bucket.From) >= 0 && string.CompareOrdinal(digit.ToString(), bucket.To) < 0)
                        .SelectMany(d => Directory.EnumerateFiles(d, "*.parquet")).Order(StringComparer.Ordinal).ToList()
                    : [];
                return Write(p, parts.Count == 0
                    ? $"SELECT * EXCLUDE (rekey_digit) FROM ({rekeyed}) WHERE false" // an empty bucket: an empty file with the columns
                    : $"SELECT * FROM {LakeSql.ReadParquet(parts)} {Order}");
            }).ToList();
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>
    /// The session map cut to the sessions of <paramref name="files"/>, as a temporary table of the mapping's database. A
    /// month holds ~13M of the 51M sessions of four full-scale months: with the whole map as the join's build side the
    /// table did not fit the engine's memory and the join spilled the month's rows (~13 GB per silver month).
    /// </summary>
    private string SessionsOf(IReadOnlyList<string> files, string column)
    {
        mapping.Execute($"""
            CREATE OR REPLACE TEMP TABLE file_sessions AS
            SELECT m.old, m.new FROM session_map m
            SEMI JOIN (SELECT DISTINCT {column} AS old FROM {LakeSql.ReadParquet(files)} WHERE {column} IS NOT NULL) AS f ON f.old = m.old
            """);
        return "file_sessions";
    }

    private LakePartition Write(LakePartition p, string query)
    {
        var temporary = Layout.Temporary(p.Path);
        mapping.Execute($"COPY ({query}) TO '{LakeSql.Literal(temporary)}' ({LakeSql.LayerParquet})");
        var rows = lake.CountParquetRows(temporary);
        if (p.Layer != LakeLayer.Silver && rows != p.Rows)
        {
            throw new InvalidOperationException($"{p.Path}: {rows} rows after re-keying, {p.Rows} before");
        }

        return p with { Rows = rows, Bytes = new FileInfo(temporary).Length, KeyId = toKeyId };
    }

    /// <summary>The file's columns in order, each either itself or its replacement expression.</summary>
    private string SelectList(string file, IReadOnlyDictionary<string, string> replacements)
    {
        var columns = mapping.Rows($"SELECT column_name FROM (DESCRIBE SELECT * FROM {LakeSql.ReadParquet(file)})")
            .Select(r => (string)r[0]!).ToList();
        return string.Join(", ", columns.Select(c => replacements.TryGetValue(c, out var expression) ? $"{expression} AS \"{c}\"" : $"b.\"{c}\""));
    }

    private SuppressionPlan PlanSuppressions()
    {
        var rows = lake.Query($"""
            SELECT subject_digest, strftime(min(since), '%Y-%m-%dT%H:%M:%S.%f') FROM suppressed_subjects
            WHERE key_id = '{LakeSql.Literal(fromKeyId)}' GROUP BY subject_digest
            """).Rows;
        var wanted = rows.ToDictionary(r => (string)r[0]!, r => (string)r[1]!, StringComparer.Ordinal);
        var mapped = new List<(string Old, string New, string Since)>();
        if (wanted.Count > 0)
        {
            foreach (var pair in mapping.Rows("SELECT old, new FROM user_map"))
            {
                var digest = SubjectDigest.Of((string)pair[0]!);
                if (wanted.Remove(digest, out var since))
                {
                    mapped.Add((digest, SubjectDigest.Of((string)pair[1]!), since));
                }
            }
        }

        return new SuppressionPlan(mapped, [.. wanted.Keys.Order(StringComparer.Ordinal)]);
    }
}

/// <summary>Suppressed subjects carried to the new key (old digest, new digest, since as ISO text), and those in no source file.</summary>
public sealed record SuppressionPlan(IReadOnlyList<(string Old, string New, string Since)> Mapped, IReadOnlyList<string> Unmatched);

/// <summary>What a re-keying rewrote.</summary>
public sealed record RekeyCounts(int BronzeFiles, int SilverFiles, int QuarantineFiles, long Rows, int SuppressionsCarried, int SuppressionsDropped, long Users, long Sessions)
{
    /// <summary>Both months' files and rows; the mapping's figures are the same for every month.</summary>
    public RekeyCounts Plus(RekeyCounts other) =>
        this with
        {
            BronzeFiles = BronzeFiles + other.BronzeFiles,
            SilverFiles = SilverFiles + other.SilverFiles,
            QuarantineFiles = QuarantineFiles + other.QuarantineFiles,
            Rows = Rows + other.Rows,
        };
}
