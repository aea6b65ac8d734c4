using System.Data.Common;

namespace EAmazing.Lake;

/// <summary>
/// A database of the engine's own, apart from the lake's catalog: SQL over Parquet files and scratch tables.
/// Rows stream through a <see cref="DbDataReader"/> so large reads build no intermediate rows.
/// </summary>
public interface IScratchDatabase : IDisposable
{
    void Execute(string sql);

    /// <summary>Runs a query and materialises its rows (SQL NULL as null).</summary>
    QueryResult Read(string sql);

    /// <summary>The first column of the first row, or null when there is no row or it is NULL.</summary>
    object? Scalar(string sql);

    /// <summary>Runs a query and calls <paramref name="row"/> with the reader positioned on each row in turn.</summary>
    void ForEachRow(string sql, Action<DbDataReader> row);

    /// <summary>Bulk inserts of text rows into <paramref name="table"/>; the rows are in the table once the appender is disposed.</summary>
    IRowAppender Appender(string table);
}
