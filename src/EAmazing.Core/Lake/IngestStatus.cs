namespace EAmazing.Lake;

/// <summary>State of an ingested file in the catalog.</summary>
public enum IngestStatus
{
    /// <summary>Every row read and accounted for.</summary>
    Complete,

    /// <summary>The file was cut or corrupt: every complete row kept, the rest accounted for, the run exits non-zero.</summary>
    Incomplete,

    /// <summary>No data rows (empty or header only).</summary>
    Empty,

    /// <summary>Not a REES46 text file (binary content); nothing ingested.</summary>
    Rejected,

    /// <summary>The file changed while it was read: nothing ingested, and the next ingest of it reads it again.</summary>
    Failed,
}
