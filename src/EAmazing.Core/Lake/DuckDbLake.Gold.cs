using DuckDB.NET.Data;
using EAmazing.Features;

namespace EAmazing.Lake;

/// <summary>The gold stage's engine calls on DuckDB: queries run on the scratch connection, catalog changes in a transaction.</summary>
public sealed partial class DuckDbLake : IGoldEngine
{
    public long WriteParquet(string query, string target)
    {
        // Gold queries order their own output; not preserving insertion order lets windows and joins use less memory.
        Execute(_scratch, "SET preserve_insertion_order = false");
        try
        {
            Execute(_scratch, $"COPY ({query}) TO '{LakeSql.Literal(target)}' (FORMAT parquet, COMPRESSION zstd)");
        }
        finally
        {
            Execute(_scratch, "SET preserve_insertion_order = true");
        }

        return CountParquetRows(target);
    }

    public QueryResult Compute(string query) => Read(_scratch, query);

    public void ExecuteCatalog(IReadOnlyList<CatalogStatement> statements)
    {
        using var transaction = _catalog.BeginTransaction();
        foreach (var statement in statements)
        {
            using var command = _catalog.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = statement.Sql;
            foreach (var value in statement.Values)
            {
                command.Parameters.Add(new DuckDBParameter(value ?? DBNull.Value));
            }

            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
