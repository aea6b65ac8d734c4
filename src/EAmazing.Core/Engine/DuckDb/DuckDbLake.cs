using System.Globalization;
using DuckDB.NET.Data;
using EAmazing.Lake;

namespace EAmazing.Engine.DuckDb;

/// <summary>
/// The lake on DuckDB: <c>catalog.duckdb</c> holds the metadata tables and the views over the Parquet
/// layers; transformations run on a separate in-memory connection so they never lock the catalog.
/// Opening a lake recovers from any interrupted commit first.
/// </summary>
public sealed partial class DuckDbLake : ILakeEngine
{
    private readonly DuckDBConnection _catalog;
    private readonly DuckDBConnection _scratch;
    private string? _silverUsersOf; // the bronze files (and their versions) silver_users numbers, see BuildSilver

    /// <summary>How long opening waits for another process to release the catalog before it gives up.</summary>
    public static readonly TimeSpan DefaultLockWait = TimeSpan.FromSeconds(30);

    /// <summary>A private in-memory copy of the catalog snapshot (<see cref="OpenCommitted"/>): never written back, never snapshotted.</summary>
    private readonly bool _committedCopy;

    /// <summary>Gold rows changed since the last snapshot: written once when the lake is closed, not after every partition.</summary>
    private bool _changedSinceSnapshot;

    private DuckDbLake(LakeLayout layout, string memoryLimit, DuckDBConnection catalog, bool committedCopy, bool keepMemory = false)
    {
        Layout = layout;
        _catalog = catalog;
        _committedCopy = committedCopy;
        _scratch = new DuckDBConnection("Data Source=:memory:");
        _scratch.Open();
        Execute(_scratch, Settings(layout, memoryLimit, keepMemory));
    }

    public LakeLayout Layout { get; }

    /// <param name="lockWait">How long to wait while another process holds the catalog (default <see cref="DefaultLockWait"/>).</param>
    /// <param name="waiting">Told once, with the engine's message, when opening has to wait for another process.</param>
    /// <param name="keepMemory">The engine keeps the memory it has used, up to <paramref name="memoryLimit"/> (see <see cref="ILakeEngines.OpenLake"/>).</param>
    public static DuckDbLake Open(string root, string memoryLimit = "2GB", TimeSpan? lockWait = null, Action<string>? waiting = null, bool keepMemory = false)
    {
        var layout = LakeLayout.At(root);
        layout.CreateFolders();
        var lake = new DuckDbLake(layout, memoryLimit, CatalogLock.Open(layout.Catalog, lockWait ?? DefaultLockWait, waiting), committedCopy: false, keepMemory);
        try
        {
            Execute(lake._catalog, LakeSql.Load("catalog"));
            CommitJournal.Recover(lake);
            if (!File.Exists(LakeCommitMark.PathOf(layout)))
            {
                // A lake made before the mark existed (or a new one): a running server learns its key ids and suppressions.
                // Best effort: a read-only lake still opens to be read.
                try
                {
                    LakeCommitMark.Advance(lake);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // a read-only lake: a server on it sees sequence 0 and no suppressions until a writer opens it
                }
            }

            lake.RefreshViews();
            if (!File.Exists(layout.CatalogSnapshot))
            {
                // A lake made before the snapshot existed (or a new one); a commit a crash interrupted renewed it in its replay above.
                lake.TryWriteSnapshot();
            }

            return lake;
        }
        catch
        {
            lake.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The lake as of its last catalog change: the catalog snapshot copied into memory (its schema brought up to date,
    /// the layer views pointed at the files there now), so no command ever waits for this reader. See <see cref="ILakeEngines.OpenCommitted"/>.
    /// </summary>
    public static DuckDbLake OpenCommitted(string root, string memoryLimit = "2GB")
    {
        var layout = LakeLayout.At(root);
        if (!File.Exists(layout.CatalogSnapshot))
        {
            throw new FileNotFoundException($"the lake at {layout.Root} has no catalog snapshot yet (any eamazing command that opens the lake writes one)", layout.CatalogSnapshot);
        }

        var copy = new DuckDBConnection("Data Source=:memory:");
        var lake = new DuckDbLake(layout, memoryLimit, copy, committedCopy: true);
        try
        {
            copy.Open();
            // A writer renames a new snapshot over this one: the attached file stays the one opened here, whole.
            Execute(copy, $"ATTACH '{LakeSql.Literal(layout.CatalogSnapshot)}' AS committed (READ_ONLY); COPY FROM DATABASE committed TO memory; DETACH committed");
            Execute(copy, LakeSql.Load("catalog"));
            lake.RefreshViews();
            return lake;
        }
        catch
        {
            lake.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Copies the catalog to <see cref="LakeLayout.CatalogSnapshot"/>: into a temporary file, then renamed over the
    /// previous snapshot, so a reader finds the old one or the new one, never half of one.
    /// </summary>
    private void WriteSnapshot()
    {
        var target = Layout.CatalogSnapshot;
        var temporary = target + LakeLayout.TemporarySuffix;
        File.Delete(temporary);
        File.Delete(temporary + ".wal");
        var name = Convert.ToString(Read(_catalog, "SELECT current_database()").Rows[0][0], CultureInfo.InvariantCulture)!;
        Execute(_catalog, $"ATTACH '{LakeSql.Literal(temporary)}' AS snapshot; COPY FROM DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\" TO snapshot; DETACH snapshot");
        File.Move(temporary, target, overwrite: true);
        _changedSinceSnapshot = false;
    }

    /// <summary>Best effort where a failure must not stop the caller (an open, a close): the previous snapshot stays.</summary>
    private void TryWriteSnapshot()
    {
        try
        {
            WriteSnapshot();
        }
        catch (Exception e) when (e is DuckDBException or IOException or UnauthorizedAccessException)
        {
            // a read-only lake: readers of the snapshot see the state of its last writable open
        }
    }

    /// <summary>Engine settings shared by every connection: bounded memory, spilling into the lake's scratch folder.</summary>
    /// <param name="keepMemory">
    /// The block allocator keeps up to <paramref name="memoryLimit"/> of physical memory instead of handing each buffer
    /// back to the system once used. Why: writing Parquet (row groups) and building gold (sorts, hash tables) take fresh
    /// buffers all the time, and by default the next one faults its pages in again: ingesting 8M rows, 1.4M page faults
    /// and a quarter of the CPU time in the kernel; kept, a month's ingest took about a seventh less time and its gold
    /// build a quarter less (BENCHMARKS, Ingest and Gold features, 2026-12-05). Not for an engine that reads for a
    /// model's training: the memory would stay taken through the training.
    /// </param>
    internal static string Settings(LakeLayout layout, string memoryLimit, bool keepMemory = false) =>
        $"SET memory_limit = '{LakeSql.Literal(memoryLimit)}'; SET temp_directory = '{LakeSql.Literal(Path.Combine(layout.Staging, "spill"))}'; SET preserve_insertion_order = true;"
        + (keepMemory ? " " + KeepMemory(memoryLimit) : "");

    /// <summary>The statement that makes an engine keep up to <paramref name="memoryLimit"/> (see <see cref="Settings"/>).</summary>
    public static string KeepMemory(string memoryLimit) => $"SET block_allocator_memory = '{LakeSql.Literal(memoryLimit)}';";

    public void AppendAudit(string commitId, IReadOnlyList<CommitAuditEntry> entries) =>
        EAmazing.Governance.Audit.AuditTrail.ForLake(Layout.Root).AppendOnce(commitId, [.. entries.Select(e => new EAmazing.Governance.Audit.AuditEvent(e.Actor, e.Action, e.Target, e.Detail))]);

    public IReadOnlyList<IngestedFile> IngestedFiles()
    {
        using var command = _catalog.CreateCommand();
        command.CommandText = """
            SELECT file_id, path, size_bytes, sha256, rows_read, rows_accepted, rows_duplicate, rows_quarantined,
                   empty_sessions, status, problem, key_id, started_at, finished_at, hash_ms, read_ms, bronze_ms, silver_ms, rows_suppressed
            FROM ingested_files ORDER BY path
            """;
        using var reader = command.ExecuteReader();
        var files = new List<IngestedFile>();
        while (reader.Read())
        {
            files.Add(new IngestedFile(
                reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
                new RowAccounting(reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.IsDBNull(18) ? 0 : reader.GetInt64(18)),
                reader.GetInt64(8), Enum.Parse<IngestStatus>(reader.GetString(9)), reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.GetString(11), DateTime.SpecifyKind(reader.GetDateTime(12), DateTimeKind.Utc), DateTime.SpecifyKind(reader.GetDateTime(13), DateTimeKind.Utc),
                new IngestTimings(reader.GetInt64(14), reader.GetInt64(15), reader.GetInt64(16), reader.GetInt64(17))));
        }

        return files;
    }

    public IReadOnlyList<LakePartition> Partitions()
    {
        using var command = _catalog.CreateCommand();
        command.CommandText = "SELECT layer, partition_key, path, file_id, row_count, size_bytes, key_id, sha256 FROM lake_partitions ORDER BY layer, partition_key, path";
        using var reader = command.ExecuteReader();
        var partitions = new List<LakePartition>();
        while (reader.Read())
        {
            partitions.Add(new LakePartition(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return partitions;
    }

    public void ApplyCatalog(LakeCommit commit)
    {
        if (_committedCopy)
        {
            throw new InvalidOperationException("a copy of the committed catalog is read-only: open the lake to change it");
        }

        using var transaction = _catalog.BeginTransaction();
        var file = commit.File;
        foreach (var retired in file is null ? commit.RetiredFileIds : commit.RetiredFileIds.Append(file.FileId))
        {
            Run("DELETE FROM ingested_files WHERE file_id = $1", retired);
            Run("DELETE FROM lake_partitions WHERE file_id = $1", retired);
        }

        foreach (var path in commit.Deletes.Concat(commit.Partitions.Select(p => p.Path)))
        {
            Run("DELETE FROM lake_partitions WHERE path = $1", path);
        }

        if (file is not null)
        {
            Run("DELETE FROM ingested_files WHERE path = $1", file.Path);
            // Columns named: rows_suppressed arrives by ALTER TABLE (existing lakes), so positions are not the contract.
            Run("""
                INSERT INTO ingested_files (file_id, path, size_bytes, sha256, rows_read, rows_accepted, rows_duplicate, rows_quarantined,
                    empty_sessions, status, problem, key_id, started_at, finished_at, hash_ms, read_ms, bronze_ms, silver_ms, rows_suppressed)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
                """,
                file.FileId, file.Path, file.SizeBytes, file.Sha256, file.Rows.Read, file.Rows.Accepted, file.Rows.Duplicates, file.Rows.Quarantined,
                file.EmptySessions, file.Status.ToString(), file.Problem, file.KeyId, file.StartedAt, file.FinishedAt,
                file.Timings.HashMs, file.Timings.ReadMs, file.Timings.BronzeMs, file.Timings.SilverMs, file.Rows.Suppressed);
        }

        foreach (var p in commit.Partitions)
        {
            Run("INSERT INTO lake_partitions (layer, partition_key, path, file_id, row_count, size_bytes, key_id, sha256) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                p.Layer, p.PartitionKey, p.Path, p.FileId, p.Rows, p.Bytes, p.KeyId, p.Sha256);
        }

        foreach (var statement in commit.Catalog ?? [])
        {
            Run(statement.Sql, statement.Values);
        }

        transaction.Commit();
        // At each commit, so a reader of the snapshot sees every committed change.
        WriteSnapshot();

        void Run(string sql, params object?[] values)
        {
            using var command = _catalog.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var value in values)
            {
                command.Parameters.Add(new DuckDBParameter(value is System.Text.Json.JsonElement json ? JsonValue(json) : value ?? DBNull.Value));
            }

            command.ExecuteNonQuery();
        }
    }

    /// <summary>Statement values come back from the journal as JSON elements; DuckDB needs the plain value.</summary>
    private static object JsonValue(System.Text.Json.JsonElement json) => json.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => json.GetString()!,
        System.Text.Json.JsonValueKind.Number when json.TryGetInt64(out var whole) => whole,
        System.Text.Json.JsonValueKind.Number => json.GetDouble(),
        System.Text.Json.JsonValueKind.True => true,
        System.Text.Json.JsonValueKind.False => false,
        _ => DBNull.Value,
    };

    public void RefreshViews()
    {
        var partitions = Partitions();
        foreach (var layer in LakeLayer.All)
        {
            // A missing file (deleted by hand, a lost disk) is left out of the view, not fatal: `lake verify` names it, and
            // the CLI says so on open (see MissingPartitions).
            var files = partitions.Where(p => p.Layer == layer).Select(p => Layout.Full(p.Path)).Where(File.Exists).ToList();
            var source = files.Count == 0 ? $"({LakeSql.Load($"{layer}_empty")})" : LakeSql.ReadParquet(files);
            // Silver files of an earlier format are read as they are until SilverFormatUpgrade converts them.
            var body = layer == LakeLayer.Silver && (files.Count == 0 || SilverFormatUpgrade.IsCurrent(this, files[0]))
                ? LakeSql.Render("silver_view", ("source", source))
                : $"SELECT * FROM {source}";
            Execute(_catalog, $"CREATE OR REPLACE VIEW {layer} AS {body}");
        }
    }

    public QueryResult Query(string sql) => Read(_catalog, sql);

    /// <summary>Runs a query on a connection and materialises its rows (DBNull as null).</summary>
    internal static QueryResult Read(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return new QueryResult(columns, rows);
    }

    // The staging engine does nothing but encode the file's rows: it keeps its memory (see Settings).
    public IStagingArea CreateStaging(string fileId, StagingOptions options) =>
        new DuckDbStaging(Path.Combine(Layout.Staging, $"{fileId}.duckdb"), Settings(Layout, options.EngineMemoryLimit, keepMemory: true), options.SilverBucketRows);

    public long BuildSilver(IReadOnlyList<string> bronzeFiles, UserBucket bucket, string target, TimeSpan sessionGap)
    {
        // The month's user numbers, once for all its buckets (each bucket reads only its own users); made again when a
        // file differs (another month, or the same paths rewritten since, as an erasure does).
        var sources = LakeSql.List(bronzeFiles);
        var version = string.Join('|', bronzeFiles.Select(FileVersion));
        if (_silverUsersOf != version)
        {
            Execute(_scratch, LakeSql.Render("silver_users", ("table", "silver_users"), ("sources", sources)));
            _silverUsersOf = version;
        }

        Execute(_scratch, LakeSql.Render("silver",
            ("sources", sources),
            ("user_from", bucket.From),
            ("user_to", bucket.To),
            ("target", LakeSql.Literal(target)),
            ("gap_seconds", ((long)sessionGap.TotalSeconds).ToString(CultureInfo.InvariantCulture))));
        return CountParquetRows(target);
    }

    private static string FileVersion(string path)
    {
        var info = new FileInfo(path);
        return $"{path}:{info.Length}:{info.LastWriteTimeUtc.Ticks}";
    }

    public long CountParquetRows(string path)
    {
        using var command = _scratch.CreateCommand();
        command.CommandText = $"SELECT CAST(coalesce(sum(num_rows), 0) AS BIGINT) FROM parquet_file_metadata('{LakeSql.Literal(path)}')";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    internal static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        if (_changedSinceSnapshot)
        {
            TryWriteSnapshot();
        }

        _scratch.Dispose();
        _catalog.Dispose();
    }
}
