namespace EAmazing.Features;

/// <summary>
/// What a gold table reads of another gold table's earlier months (<see cref="GoldTable.ReadsEarlier"/>): a table
/// whose history reaches back over every earlier month reads those months' small gold rows instead of their events,
/// so its month does not grow with the history. The SQL names them <c>{earlier_&lt;name&gt;}</c>.
/// </summary>
/// <param name="Table">The gold table read.</param>
/// <param name="Columns">The columns read, with their DuckDB types (the relation a first month, with none before it, reads empty).</param>
/// <param name="TimeColumn">A column no later than the events a row comes from: with a cutoff, only rows up to it are read.</param>
public sealed record EarlierMonths(GoldTable Table, IReadOnlyList<(string Name, string Type)> Columns, string TimeColumn)
{
    public string Placeholder => "earlier_" + Table.Name;
}
