namespace EAmazing.Ingestion;

/// <summary>What parsing one file found, before duplicates are counted.</summary>
internal sealed record ParsedFile(long RowsRead, long Valid, long Quarantined, long EmptySessions, string? Damage);
