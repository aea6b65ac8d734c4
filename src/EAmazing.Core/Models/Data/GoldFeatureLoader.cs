using EAmazing.Features;
using EAmazing.Foundation.Text;
using EAmazing.Lake;

namespace EAmazing.Models.Data;

/// <summary>
/// Reads a gold feature table into a <see cref="TabularDataset"/>: every numeric column the table
/// declares a feature (not a key, id, label or the as-of time), in as-of order.
/// </summary>
public static class GoldFeatureLoader
{
    /// <param name="filter">A further SQL condition on the rows (a user sample), or null for every labelled row.</param>
    public static (TabularDataset Data, IReadOnlyList<string> UserIds) Load(IGoldEngine lake, GoldTable table, string label, string? filter = null)
    {
        var rowsWanted = $"FROM {table.ViewName} WHERE {label} IS NOT NULL{(filter is null ? "" : $" AND ({filter})")}";
        var query = $"SELECT * {rowsWanted} ORDER BY {GoldTable.AsOfColumn}, {string.Join(", ", table.KeyColumns)}";
        var described = lake.Query($"DESCRIBE {query}").Rows.Select(r => (Name: (string)r[0]!, Type: (string)r[1]!)).ToList();
        var columns = described.Select(c => c.Name).ToList();
        var asOf = columns.IndexOf(GoldTable.AsOfColumn);
        var labelIndex = columns.IndexOf(label);
        var userIndex = columns.IndexOf("user_id");
        if (asOf < 0 || labelIndex < 0)
        {
            throw new InvalidOperationException($"{table.ViewName} has no {GoldTable.AsOfColumn} or {label} column");
        }

        // Every declared feature column the engine holds as a number or a flag (text columns are descriptions, not features).
        var features = Enumerable.Range(0, columns.Count).Where(i => table.IsFeature(columns[i]) && described[i].Type != "VARCHAR").ToArray();
        float[][] rows = [];
        bool[] labels = [];
        DateTime[] times = [];
        string[] users = [];
        // A user has a row per snapshot: one string per user, not per row.
        var names = new StringPool();
        CountedRows.Read(lake, $"SELECT count(*) {rowsWanted}", query, table.ViewName, count =>
        {
            rows = new float[count][];
            labels = new bool[count];
            times = new DateTime[count];
            users = new string[count];
        }, (n, row) =>
        {
            var values = new float[features.Length];
            for (var f = 0; f < features.Length; f++)
            {
                values[f] = ToFloat(row[features[f]]);
            }

            rows[n] = values;
            labels[n] = Convert.ToBoolean(row[labelIndex], System.Globalization.CultureInfo.InvariantCulture);
            times[n] = (DateTime)row[asOf]!;
            users[n] = names.Get(userIndex < 0 ? string.Empty : row[userIndex]?.ToString() ?? string.Empty);
        });

        return (new TabularDataset(features.Select(i => columns[i]).ToArray(), rows, labels, times), users);
    }

    private static float ToFloat(object? value) => value switch
    {
        null => float.NaN,
        bool b => b ? 1 : 0,
        IConvertible c => Convert.ToSingle(c, System.Globalization.CultureInfo.InvariantCulture),
        _ => float.NaN,
    };
}
