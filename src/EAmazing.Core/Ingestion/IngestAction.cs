namespace EAmazing.Ingestion;

/// <summary>What one <c>ingest</c> run did with one input file.</summary>
public enum IngestAction
{
    Ingested,

    /// <summary>Same path and content as an earlier ingest: nothing to do.</summary>
    AlreadyIngested,

    /// <summary>The path was ingested before with different content: its old rows were replaced.</summary>
    Replaced,
}
