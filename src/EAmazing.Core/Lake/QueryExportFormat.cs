namespace EAmazing.Lake;

/// <summary>The file formats an ad-hoc query's rows can be copied to by the engine.</summary>
public enum QueryExportFormat
{
    Csv,
    Parquet,
}
