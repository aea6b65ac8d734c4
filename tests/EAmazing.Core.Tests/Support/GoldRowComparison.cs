using EAmazing.Features;
using EAmazing.Features.Leakage;
using EAmazing.Lake;

namespace EAmazing.Core.Tests.Support;

/// <summary>Row-by-row differences between two versions of a gold table's rows, label columns left out.</summary>
public static class GoldRowComparison
{
    public static IReadOnlyList<string> Differences(GoldTable table, QueryResult expected, QueryResult actual, int limit = 10)
    {
        var problems = new List<string>();
        if (expected.Rows.Count != actual.Rows.Count)
        {
            problems.Add($"{table.Name}: {expected.Rows.Count} rows expected, {actual.Rows.Count} found");
        }

        var columns = expected.Columns.Where(c => !table.LabelColumns.Contains(c)).ToList();
        for (var i = 0; i < Math.Min(expected.Rows.Count, actual.Rows.Count) && problems.Count < limit; i++)
        {
            foreach (var column in columns)
            {
                var a = expected.Rows[i][Index(expected, column)];
                var b = actual.Rows[i][Index(actual, column)];
                if (!FeatureValue.Same(a, b, 1e-9))
                {
                    problems.Add($"{table.Name} row {i} ({Key(table, expected, expected.Rows[i])}): {column} {FeatureValue.Text(a)} became {FeatureValue.Text(b)}");
                }
            }
        }

        return problems;
    }

    private static string Key(GoldTable table, QueryResult rows, object?[] row) =>
        string.Join(" ", table.KeyColumns.Select(c => $"{c}={FeatureValue.Text(row[Index(rows, c)])}"));

    private static int Index(QueryResult rows, string column) => rows.Columns.ToList().IndexOf(column);
}
