using System.Globalization;
using System.IO.Compression;
using nietras.SeparatedValues;

namespace EAmazing.Sources.Rees46;

/// <summary>
/// Reads a REES46 file as published (<c>.csv</c> or <c>.csv.gz</c>, header optional, UTF-8 with or
/// without BOM, LF or CRLF) into typed events. Strict: the first malformed field throws a
/// <see cref="Rees46FormatException"/> naming file, line and field. Validation with quarantine
/// instead of exceptions is the ingest stage's job.
/// </summary>
public static class Rees46FileReader
{
    public static IEnumerable<Rees46Event> ReadEvents(string path)
    {
        using var text = OpenText(path);
        foreach (var evt in ReadEvents(text, Path.GetFileName(path)))
        {
            yield return evt;
        }
    }

    public static IEnumerable<Rees46Event> ReadEvents(TextReader text, string sourceName)
    {
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, DisableColCountCheck = true, DisableQuotesParsing = false }).From(text);
        var first = true;
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            if (first)
            {
                first = false;
                if (row.ColCount > 0 && row[0].Span.SequenceEqual("event_time"))
                {
                    continue;
                }
            }

            if (row.ColCount != Rees46Format.ColumnCount)
            {
                throw new Rees46FormatException(sourceName, line, "row", $"expected {Rees46Format.ColumnCount} columns, found {row.ColCount}");
            }

            yield return new Rees46Event(
                Rees46Format.TryParseTime(row[0].Span, out var time) ? time : throw Bad(sourceName, line, "event_time"),
                Rees46Format.TryParseEventType(row[1].Span, out var type) ? type : throw Bad(sourceName, line, "event_type"),
                long.TryParse(row[2].Span, NumberStyles.None, CultureInfo.InvariantCulture, out var product) ? product : throw Bad(sourceName, line, "product_id"),
                long.TryParse(row[3].Span, NumberStyles.None, CultureInfo.InvariantCulture, out var category) ? category : throw Bad(sourceName, line, "category_id"),
                row[4].ToString(),
                row[5].ToString(),
                decimal.TryParse(row[6].Span, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price) ? price : throw Bad(sourceName, line, "price"),
                long.TryParse(row[7].Span, NumberStyles.None, CultureInfo.InvariantCulture, out var user) ? user : throw Bad(sourceName, line, "user_id"),
                row[8].ToString());
        }
    }

    /// <summary>Opens a file as text, decompressing gzip when its magic bytes say so (whatever the extension).</summary>
    public static TextReader OpenText(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        Stream content = IsGzip(stream) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        return new StreamReader(content, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    private static bool IsGzip(FileStream stream)
    {
        Span<byte> magic = stackalloc byte[2];
        var read = stream.Read(magic);
        stream.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    private static Rees46FormatException Bad(string source, int line, string field) =>
        new(source, line, field, "value does not parse");
}
