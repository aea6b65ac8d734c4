using System.Data.Common;
using DuckDB.NET.Data;
using EAmazing.Lake;

namespace EAmazing.Engine.DuckDb;

/// <summary>A DuckDB result in streaming mode: the engine produces a chunk when the reader asks, so memory stays bounded whatever the result's size.</summary>
internal sealed class DuckDbQueryReader : IQueryReader
{
    private readonly DuckDBCommand _command;
    private readonly DbDataReader _reader;

    private DuckDbQueryReader(DuckDBCommand command, DbDataReader reader)
    {
        _command = command;
        _reader = reader;
        Columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
    }

    public IReadOnlyList<string> Columns { get; }

    public static DuckDbQueryReader Start(DuckDBConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        try
        {
            command.CommandText = sql;
            command.UseStreamingMode = true;
            return new DuckDbQueryReader(command, command.ExecuteReader());
        }
        catch
        {
            command.Dispose();
            throw;
        }
    }

    public bool Read(object?[] values)
    {
        if (!_reader.Read())
        {
            return false;
        }

        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _reader.IsDBNull(i) ? null : _reader.GetValue(i);
        }

        return true;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _command.Dispose();
    }
}
