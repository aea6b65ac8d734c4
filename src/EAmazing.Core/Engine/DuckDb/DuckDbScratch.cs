using System.Data.Common;
using DuckDB.NET.Data;
using EAmazing.Lake;

namespace EAmazing.Engine.DuckDb;

/// <summary>A DuckDB connection of its own (in memory or in a file), apart from the lake's catalog.</summary>
internal sealed class DuckDbScratch : IScratchDatabase
{
    private readonly DuckDBConnection _connection;

    private DuckDbScratch(DuckDBConnection connection) => _connection = connection;

    /// <param name="settings">Statements run once on opening (memory limit, spill folder), or null for the engine's defaults.</param>
    public static DuckDbScratch Open(string connectionString, string? settings)
    {
        var connection = new DuckDBConnection(connectionString);
        try
        {
            connection.Open();
            if (settings is not null)
            {
                DuckDbLake.Execute(connection, settings);
            }

            return new DuckDbScratch(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Execute(string sql) => DuckDbLake.Execute(_connection, sql);

    public QueryResult Read(string sql) => DuckDbLake.Read(_connection, sql);

    public object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public void ForEachRow(string sql, Action<DbDataReader> row)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }

    public IRowAppender Appender(string table) => new DuckDbRowAppender(_connection.CreateAppender(table));

    public void Dispose() => _connection.Dispose();
}
