using EAmazing.Lake;

namespace EAmazing.Ingestion;

/// <summary>The result for one input file, with a message fit for the console (no personal data).</summary>
public sealed record IngestOutcome(IngestAction Action, IngestedFile File, string Message)
{
    public bool IsDataError => File.Status is IngestStatus.Incomplete or IngestStatus.Rejected or IngestStatus.Failed;
}
