using Spectre.Console;

namespace EAmazing.Cli.Commands.Sql;

/// <summary>
/// The first screen of a result: a table when its columns fit the console's width, otherwise one block per row with
/// a line per column (as psql's expanded display), so wide results are never squeezed into unreadable cells.
/// </summary>
public static class SqlScreen
{
    /// <summary>Border and padding Spectre's table puts around each cell.</summary>
    private const int CellFrame = 3;

    public static bool Fits(IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, int width)
    {
        var needed = 1;
        for (var i = 0; i < columns.Count; i++)
        {
            var widest = columns[i].Length;
            foreach (var row in rows)
            {
                widest = Math.Max(widest, SqlValue.Text(row[i]).Length);
            }

            needed += widest + CellFrame;
        }

        return needed <= width;
    }

    public static void Write(IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows)
    {
        if (Fits(columns, rows, AnsiConsole.Profile.Width))
        {
            var table = new Table().AddTextColumns([.. columns]);
            foreach (var row in rows)
            {
                table.AddTextRow(row.Select(SqlValue.Text).ToArray());
            }

            AnsiConsole.Write(table);
            return;
        }

        var nameWidth = columns.Max(c => c.Length);
        for (var r = 0; r < rows.Count; r++)
        {
            AnsiConsole.Write(new Rule($"row {r + 1}") { Justification = Justify.Left });
            for (var i = 0; i < columns.Count; i++)
            {
                AnsiConsole.Write(new Text($"{columns[i].PadRight(nameWidth)}  {SqlValue.Text(rows[r][i])}\n"));
            }
        }
    }
}
