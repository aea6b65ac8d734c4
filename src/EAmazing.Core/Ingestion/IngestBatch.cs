using EAmazing.Lake;

namespace EAmazing.Ingestion;

/// <summary>Rows handed from the parsing thread to the writing thread.</summary>
internal sealed record IngestBatch(BronzeRow[] Rows, int Count, List<QuarantinedRow> Quarantined);
