using System.Globalization;
using EAmazing.Lake;

namespace EAmazing.Privacy.SmallGroups;

/// <summary>
/// k-anonymity for outputs aimed at business units: a group of fewer than k people is not shown as such. Its
/// people count becomes <c>&lt;k</c> and every other measure of the row (revenue, purchases… of those few people)
/// is blanked; group labels stay, so readers see that a small group exists but learn nothing about it. No total
/// is given that would let a suppressed group be recovered by subtraction.
/// </summary>
public sealed class SmallGroupSuppression
{
    public SmallGroupSuppression(int minGroupSize)
    {
        if (minGroupSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(minGroupSize), minGroupSize, "k must be at least 1");
        }

        MinGroupSize = minGroupSize;
    }

    public int MinGroupSize { get; }

    public string SuppressedCount => "<" + MinGroupSize.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a report's rows, suppressing every row whose <paramref name="peopleColumn"/> is below k.</summary>
    /// <param name="labelColumns">Columns that name the group (kept as they are); every other column is a measure.</param>
    public SuppressedTable Apply(QueryResult rows, string peopleColumn, IReadOnlyCollection<string> labelColumns)
    {
        var people = IndexOf(rows, peopleColumn);
        var labels = labelColumns.Select(c => IndexOf(rows, c)).ToHashSet();
        var output = new List<string[]>(rows.Rows.Count);
        var suppressed = 0;
        foreach (var row in rows.Rows)
        {
            var count = row[people] is null ? 0 : Convert.ToInt64(row[people], CultureInfo.InvariantCulture);
            var small = count < MinGroupSize;
            suppressed += small ? 1 : 0;
            output.Add(row.Select((value, i) =>
                !small || labels.Contains(i) ? Format(value) : i == people ? SuppressedCount : "").ToArray());
        }

        return new SuppressedTable(rows.Columns, output, suppressed, MinGroupSize);
    }

    private static int IndexOf(QueryResult rows, string column)
    {
        var index = rows.Columns.ToList().IndexOf(column);
        return index >= 0 ? index : throw new ArgumentException($"the report has no column {column}", nameof(column));
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.##", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
