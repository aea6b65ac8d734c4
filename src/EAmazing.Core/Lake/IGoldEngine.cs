
namespace EAmazing.Lake;

/// <summary>What the gold stage needs from the query engine, on top of the lake seam: write a query's rows to
/// Parquet, run a read-only query off the catalog, and change the catalog in one transaction.</summary>
public interface IGoldEngine : ILakeEngine, ILakeConsole
{
    /// <summary>Writes the rows of <paramref name="query"/> to the Parquet file <paramref name="target"/>; returns its row count.</summary>
    long WriteParquet(string query, string target);

    /// <summary>
    /// Writes the rows of every query in <paramref name="parts"/> to the one Parquet file <paramref name="target"/>,
    /// running the parts one after another (each holds only its own state); returns the row count.
    /// </summary>
    long WriteParquet(IReadOnlyList<string> parts, string target);

    /// <summary>Runs a read-only query on a connection that holds no catalog lock.</summary>
    QueryResult Compute(string query);

    /// <summary>Runs catalog statements (with positional parameters $1, $2, …) in one transaction.</summary>
    void ExecuteCatalog(IReadOnlyList<CatalogStatement> statements);
}
