using EAmazing.Sources.Rees46;
using nietras.SeparatedValues;

namespace EAmazing.Ingestion;

/// <summary>
/// Where each REES46 column sits in one file's rows, from its header matched by name (any order, any case,
/// surrounding spaces), or in the published order when the file has no header. Built once per file, so the
/// per-row cost is one array lookup per field.
/// </summary>
internal sealed class Rees46Columns
{
    private readonly int[] _positions;
    private readonly string[] _names;

    private Rees46Columns(int[] positions)
    {
        _positions = positions;
        _names = new string[positions.Length];
        for (var column = 0; column < positions.Length; column++)
        {
            _names[positions[column]] = Rees46Format.Columns[column];
        }
    }

    /// <summary>The published order, for headerless files (continuations, held-out rows).</summary>
    public static Rees46Columns Published { get; } = new([.. Enumerable.Range(0, Rees46Format.ColumnCount)]);

    /// <summary>Position in the row of the column at <paramref name="column"/> in <see cref="Rees46Format.Columns"/>.</summary>
    public int this[int column] => _positions[column];

    /// <summary>Name of the column found at <paramref name="position"/> in the row.</summary>
    public string NameAt(int position) => _names[position];

    /// <summary>
    /// Whether the first line of a file is a header: one of its fields names a REES46 column (trimmed, any case)
    /// and its first field is not an event time. A data row starts with its time, so it is never taken for one.
    /// </summary>
    public static bool IsHeader(SepReader.Row row)
    {
        if (row.ColCount == 0 || Rees46Format.TryParseTime(Name(row, 0), out _))
        {
            return false;
        }

        for (var i = 0; i < row.ColCount; i++)
        {
            if (IndexOf(Name(row, i)) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Maps a header by name; a missing, repeated or unknown column refuses it, named in <paramref name="problem"/>.</summary>
    public static bool TryMap(SepReader.Row header, out Rees46Columns columns, out string? problem)
    {
        columns = Published;
        var positions = new int[Rees46Format.ColumnCount];
        Array.Fill(positions, -1);
        for (var i = 0; i < header.ColCount; i++)
        {
            var name = Name(header, i);
            var column = IndexOf(name);
            if (column < 0)
            {
                problem = $"line 1: the header names an unknown column {Shown(name)} (field {i + 1}); the REES46 columns are {Rees46Format.Header}";
                return false;
            }

            if (positions[column] >= 0)
            {
                problem = $"line 1: the header names the column {Rees46Format.Columns[column]} twice (fields {positions[column] + 1} and {i + 1})";
                return false;
            }

            positions[column] = i;
        }

        var missing = Array.IndexOf(positions, -1);
        if (missing >= 0)
        {
            problem = $"line 1: the header lacks the column {Rees46Format.Columns[missing]}; the REES46 columns are {Rees46Format.Header}";
            return false;
        }

        columns = new Rees46Columns(positions);
        problem = null;
        return true;
    }

    // The unknown name is shown only when it looks like a column name: a line taken for a header may hold values
    // (personal data), and messages never show those.
    private static string Shown(ReadOnlySpan<char> name) =>
        name.Length is > 0 and <= 64 && char.IsAsciiLetter(name[0]) && !name.ContainsAnyExcept(NameCharacters) ? $"\"{name.ToString()}\"" : "(not shown: not a column name)";

    private static readonly System.Buffers.SearchValues<char> NameCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_ ");

    // A header name as written, less a byte-order mark and surrounding white space.
    private static ReadOnlySpan<char> Name(SepReader.Row row, int i) => row[i].Span.TrimStart('\uFEFF').Trim();

    private static int IndexOf(ReadOnlySpan<char> name)
    {
        for (var column = 0; column < Rees46Format.ColumnCount; column++)
        {
            if (name.Equals(Rees46Format.Columns[column], StringComparison.OrdinalIgnoreCase))
            {
                return column;
            }
        }

        return -1;
    }
}
