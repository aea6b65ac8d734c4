namespace EAmazing.Lake;

/// <summary>
/// Ad-hoc SQL over the lake's views in bounded memory: rows streamed as the engine produces them, whole results
/// copied to a file by the engine itself, and the views a query can name.
/// </summary>
public interface ILakeConsole
{
    /// <summary>Starts a query whose rows are read as they come.</summary>
    IQueryReader Open(string sql);

    /// <summary>The number of rows a SELECT would return (the engine counts without producing them); null when the statement cannot be counted.</summary>
    long? CountRows(string sql);

    /// <summary>Copies a query's rows to <paramref name="target"/>; returns the row count.</summary>
    long Export(string sql, string target, QueryExportFormat format);

    /// <summary>The views and catalog tables of the lake with their columns, by name.</summary>
    IReadOnlyList<LakeView> Views();
}
