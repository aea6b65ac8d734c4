using EAmazing.Lake;
using nietras.SeparatedValues;

namespace EAmazing.Cli.Commands.Sql;

/// <summary>Writes a query's rows as CSV while they are read (Sep does the escaping); returns the row count.</summary>
public static class SqlCsvWriter
{
    public static long Write(IQueryReader reader, TextWriter output)
    {
        var columns = UniqueNames(reader.Columns);
        var values = new object?[columns.Count];
        long rows = 0;
        using (var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(output, leaveOpen: true))
        {
            while (reader.Read(values))
            {
                using var row = writer.NewRow();
                for (var i = 0; i < columns.Count; i++)
                {
                    row[columns[i]].Set(SqlValue.Text(values[i]));
                }

                rows++;
            }
        }

        if (rows == 0)
        {
            // Sep writes its header with the first row; an empty result still names its columns.
            output.WriteLine(string.Join(',', columns));
        }

        return rows;
    }

    /// <summary>SQL allows two columns of one name (<c>SELECT 1, 1</c>); CSV headers are addressed by name, so later ones get a suffix.</summary>
    private static List<string> UniqueNames(IReadOnlyList<string> columns)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return columns.Select(c =>
        {
            var name = c;
            for (var n = 2; !seen.Add(name); n++)
            {
                name = $"{c}_{n}";
            }

            return name;
        }).ToList();
    }
}
