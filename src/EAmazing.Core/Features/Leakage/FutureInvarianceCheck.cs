using System.Globalization;
using EAmazing.Lake;

namespace EAmazing.Features.Leakage;

/// <summary>
/// Future invariance: a sample of a table's rows is recomputed with every event after the row's as-of time
/// removed from the input, and every non-label column must come out identical. Events at the as-of second
/// itself stay: they define the row (the first cart event, the k-th event, the session's last event); tables
/// whose features must be strictly earlier (cart_prediction_points) filter them in their SQL, and the
/// truncation tests check that. A feature computed from later events changes, or its row vanishes, and fails.
/// </summary>
public sealed class FutureInvarianceCheck(IGoldEngine engine, FeatureBuilder builder, LeakageAuditOptions options)
{
    public FutureInvarianceResult Run(GoldTable table, string month)
    {
        var silver = builder.SilverInputs();
        var built = GoldRows.Of(engine, builder, table, month, silver);
        var columns = engine.Compute($"SELECT * FROM {built} LIMIT 0").Columns;
        var keyList = string.Join(", ", table.KeyColumns);
        var sample = engine.Compute(string.Create(CultureInfo.InvariantCulture,
            $"SELECT * FROM {built} ORDER BY hash({keyList}, {options.Seed}), {keyList} LIMIT {options.SampleRows}"));
        var checkedColumns = columns.Where(c => !table.LabelColumns.Contains(c)).ToList();
        var violations = new List<InvarianceViolation>();
        var asOf = Index(sample, GoldTable.AsOfColumn);
        var groups = sample.Rows.GroupBy(r => (DateTime)r[asOf]!).ToList();
        foreach (var group in groups)
        {
            var cutoff = group.Key;
            var recomputed = engine.Compute(
                $"SELECT * FROM ({builder.QueryFor(table, month, silver, cutoff).Sql()}) AS past WHERE {GoldTable.AsOfColumn} = {FeatureSql.Timestamp(cutoff)}");
            foreach (var row in group)
            {
                var key = Key(sample, row, table);
                var match = recomputed.Rows.FirstOrDefault(r => Key(recomputed, r, table) == key);
                if (match is null)
                {
                    violations.Add(new InvarianceViolation(key, "(row)", "present", "missing"));
                    continue;
                }

                foreach (var column in checkedColumns)
                {
                    var before = row[Index(sample, column)];
                    var after = match[Index(recomputed, column)];
                    if (!FeatureValue.Same(before, after, options.Tolerance))
                    {
                        violations.Add(new InvarianceViolation(key, column, FeatureValue.Text(before), FeatureValue.Text(after)));
                    }
                }
            }
        }

        return new FutureInvarianceResult(table.Name, month, sample.Rows.Count, groups.Count, violations);
    }

    private static string Key(QueryResult rows, object?[] row, GoldTable table) =>
        string.Join(" ", table.KeyColumns.Select(c => $"{c}={FeatureValue.Text(row[Index(rows, c)])}"));

    private static int Index(QueryResult rows, string column) => rows.Columns.ToList().IndexOf(column);
}
