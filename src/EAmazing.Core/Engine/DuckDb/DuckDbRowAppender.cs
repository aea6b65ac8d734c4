using DuckDB.NET.Data;
using EAmazing.Lake;

namespace EAmazing.Engine.DuckDb;

/// <summary>A DuckDB appender behind <see cref="IRowAppender"/>: the same calls per row as using it directly, strings unboxed.</summary>
internal sealed class DuckDbRowAppender(DuckDBAppender appender) : IRowAppender
{
    public void Append(string? value) => appender.CreateRow().AppendValue(value).EndRow();

    public void Append(string? first, string? second) => appender.CreateRow().AppendValue(first).AppendValue(second).EndRow();

    /// <summary>Flushes the rows still buffered into the table.</summary>
    public void Dispose() => appender.Dispose();
}
