using EAmazing.Features;
using EAmazing.Lake;

namespace EAmazing.Models.Data;

/// <summary>
/// Reads a gold feature table into a <see cref="TabularDataset"/>: every numeric column the table
/// declares a feature (not a key, id, label or the as-of time), in as-of order.
/// </summary>
public static class GoldFeatureLoader
{
    public static (TabularDataset Data, IReadOnlyList<string> UserIds) Load(ILakeEngine lake, GoldTable table, string label)
    {
        var result = lake.Query($"SELECT * FROM {table.ViewName} WHERE {label} IS NOT NULL ORDER BY {GoldTable.AsOfColumn}, {string.Join(", ", table.KeyColumns)}");
        var columns = result.Columns.ToList();
        var asOf = columns.IndexOf(GoldTable.AsOfColumn);
        var labelIndex = columns.IndexOf(label);
        var userIndex = columns.IndexOf("user_id");
        if (asOf < 0 || labelIndex < 0)
        {
            throw new InvalidOperationException($"{table.ViewName} has no {GoldTable.AsOfColumn} or {label} column");
        }

        var features = Enumerable.Range(0, columns.Count)
            .Where(i => table.IsFeature(columns[i]) && result.Rows.All(r => r[i] is null or not string))
            .ToArray();
        var rows = result.Rows.Select(r => features.Select(i => ToFloat(r[i])).ToArray()).ToArray();
        var labels = result.Rows.Select(r => Convert.ToBoolean(r[labelIndex], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var times = result.Rows.Select(r => (DateTime)r[asOf]!).ToArray();
        var users = result.Rows.Select(r => userIndex < 0 ? string.Empty : r[userIndex]?.ToString() ?? string.Empty).ToArray();
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
