namespace EAmazing.Ingestion;

/// <summary>What the first bytes of an input file say it is.</summary>
public enum SourceKind
{
    Text,
    GzipText,
    Empty,
    Binary,

    /// <summary>Named <c>.gz</c> but not gzip-compressed.</summary>
    NotGzip,
}
