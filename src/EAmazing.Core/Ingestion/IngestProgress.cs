namespace EAmazing.Ingestion;

/// <summary>Progress of the file being ingested.</summary>
public readonly record struct IngestProgress(string FileName, int FileIndex, int FileCount, long RowsRead, long BytesRead, long BytesTotal, string Phase);
