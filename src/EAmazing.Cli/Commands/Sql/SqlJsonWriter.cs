using System.Text.Json;
using EAmazing.Lake;

namespace EAmazing.Cli.Commands.Sql;

/// <summary>Writes a query's rows as one JSON array of objects while they are read, flushed every few rows; returns the row count.</summary>
public static class SqlJsonWriter
{
    private const int RowsPerFlush = 1_000;

    public static long Write(IQueryReader reader, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        var values = new object?[reader.Columns.Count];
        long rows = 0;
        json.WriteStartArray();
        while (reader.Read(values))
        {
            json.WriteStartObject();
            for (var i = 0; i < values.Length; i++)
            {
                json.WritePropertyName(reader.Columns[i]);
                SqlValue.Write(json, values[i]);
            }

            json.WriteEndObject();
            if (++rows % RowsPerFlush == 0)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
        json.Flush();
        output.WriteByte((byte)'\n');
        return rows;
    }
}
