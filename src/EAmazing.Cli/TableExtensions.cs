using Spectre.Console;

namespace EAmazing.Cli;

/// <summary>Adds plain-text rows: figures like "0.64 [0.63, 0.65]" must not be read as Spectre markup.</summary>
public static class TableExtensions
{
    public static Table AddTextRow(this Table table, params string[] cells) =>
        table.AddRow(cells.Select(c => new Text(c)).ToArray<Spectre.Console.Rendering.IRenderable>());

    public static Table AddTextColumns(this Table table, params string[] headers)
    {
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header)));
        }

        return table;
    }
}
