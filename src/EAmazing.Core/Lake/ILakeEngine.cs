namespace EAmazing.Lake;

/// <summary>
/// The one seam to the query engine (DuckDB today, a cluster engine reading the same Parquet layout
/// later): catalog reads and writes, staging, and the SQL transformations between layers.
/// </summary>
public interface ILakeEngine : IDisposable
{
    LakeLayout Layout { get; }

    IReadOnlyList<IngestedFile> IngestedFiles();

    IReadOnlyList<LakePartition> Partitions();

    /// <summary>Records a commit in the catalog in one transaction; idempotent (replays replace, never duplicate).</summary>
    void ApplyCatalog(LakeCommit commit);

    /// <summary>
    /// Appends a commit's audit entries to the lake's audit trail, unless entries of <paramref name="commitId"/> are
    /// already there (a replay); throws when the trail refuses (then the commit stays in its journal).
    /// </summary>
    void AppendAudit(string commitId, IReadOnlyList<CommitAuditEntry> entries);

    /// <summary>Points the views <c>bronze</c>, <c>silver</c>, <c>quarantine</c> at the committed files.</summary>
    void RefreshViews();

    QueryResult Query(string sql);

    IStagingArea CreateStaging(string fileId, StagingOptions options);

    /// <summary>Builds one bucket of a silver month from bronze files (absolute paths) into <paramref name="target"/>; returns its rows.</summary>
    long BuildSilver(IReadOnlyList<string> bronzeFiles, UserBucket bucket, string target, TimeSpan sessionGap);

    long CountParquetRows(string path);
}
