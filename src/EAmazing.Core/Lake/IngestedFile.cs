namespace EAmazing.Lake;

/// <summary>One row of the catalog's <c>ingested_files</c> table.</summary>
public sealed record IngestedFile(
    string FileId,
    string Path,
    long SizeBytes,
    string Sha256,
    RowAccounting Rows,
    long EmptySessions,
    IngestStatus Status,
    string? Problem,
    string KeyId,
    DateTime StartedAt,
    DateTime FinishedAt,
    IngestTimings Timings)
{
    public TimeSpan Elapsed => FinishedAt - StartedAt;
}
