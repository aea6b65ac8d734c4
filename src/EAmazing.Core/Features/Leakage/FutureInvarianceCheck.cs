using System.Globalization;
using EAmazing.Lake;

namespace EAmazing.Features.Leakage;

/// <summary>
/// Future invariance: at a seeded sample of as-of times t, the table is recomputed with every event after t
/// removed from the input, and every row built with as_of_time = t must come back identical in every non-label
/// column (and no row may appear or vanish). Events at the as-of second itself stay: they define the row (the
/// first cart event, the k-th event); tables whose features must be strictly earlier (the cart prediction points)
/// filter them in their SQL, and the truncation tests check that. A feature computed from later events changes.
/// The recomputation computes the rows at t only (<see cref="GoldQuery.AsOfOnly"/>), not the whole month again.
/// </summary>
public sealed class FutureInvarianceCheck(IGoldEngine engine, FeatureBuilder builder, LeakageAuditOptions options)
{
    private const int MaxViolations = 200;

    public FutureInvarianceResult Run(GoldTable table, string month) => Run(table, month, builder.SilverInputs());

    public FutureInvarianceResult Run(GoldTable table, string month, IReadOnlyList<SilverInput> silver)
    {
        var built = GoldRows.Of(engine, builder, table, month, silver);
        var cutoffs = engine.Compute(string.Create(CultureInfo.InvariantCulture,
                $"SELECT as_of_time FROM (SELECT DISTINCT as_of_time FROM {built}) AS t ORDER BY hash(as_of_time, {options.Seed}), as_of_time LIMIT {options.SampleCutoffs}"))
            .Rows.Select(r => (DateTime)r[0]!).ToList();
        var violations = new List<InvarianceViolation>();
        var rowsChecked = 0;
        // A per-user table is recomputed for one bucket of users only, and compared on those users' rows.
        var users = builder.QueryFor(table, month, silver).AuditBucket(options.Seed);
        foreach (var cutoff in cutoffs)
        {
            var at = $"WHERE {GoldTable.AsOfColumn} = {FeatureSql.Timestamp(cutoff)}" + (users is null ? "" : $" AND {users.Filter("user_id")}");
            at += $" AND {GoldRows.Sample(engine, built, at["WHERE ".Length..], table, options.MaxRowsPerCutoff, options.Seed)}";
            var expected = engine.Compute($"SELECT * FROM {built} {at}");
            // Only the rows at the cutoff are recomputed: the tables narrow to them where they are defined.
            var past = builder.QueryFor(table, month, silver, cutoff) with { AsOfOnly = true };
            var recomputed = engine.Compute($"SELECT * FROM ({table.Shown($"({(users is null ? past.Sql() : past.Sql(users))})")}) AS past {at}");
            // A built partition whose columns are not its SQL's (written by an older build) cannot be compared row by row.
            var schema = Schema(expected, recomputed, table);
            if (schema.Count > 0)
            {
                violations.AddRange(schema);
                break;
            }

            rowsChecked += expected.Rows.Count;
            // Column positions looked up once per cutoff, not per row and column (up to 100k rows × ~30 columns)
            var recomputedKey = KeyIndexes(recomputed, table);
            var expectedKey = KeyIndexes(expected, table);
            var byKey = recomputed.Rows.ToDictionary(r => Key(r, recomputedKey));
            var columns = expected.Columns.Where(c => !table.LabelColumns.Contains(c))
                .Select(c => (Name: c, Expected: Index(expected, c), Recomputed: Index(recomputed, c))).ToList();
            foreach (var row in expected.Rows)
            {
                var key = Key(row, expectedKey);
                if (!byKey.Remove(key, out var match))
                {
                    violations.Add(new InvarianceViolation(key, "(row)", "present", "missing"));
                    continue;
                }

                foreach (var column in columns)
                {
                    var before = row[column.Expected];
                    var after = match[column.Recomputed];
                    if (!FeatureValue.Same(before, after, options.Tolerance))
                    {
                        violations.Add(new InvarianceViolation(key, column.Name, FeatureValue.Text(before), FeatureValue.Text(after)));
                    }
                }
            }

            violations.AddRange(byKey.Keys.Select(key => new InvarianceViolation(key, "(row)", "absent", "appears")));
            if (violations.Count >= MaxViolations)
            {
                break;
            }
        }

        return new FutureInvarianceResult(table.Name, month, rowsChecked, cutoffs.Count, violations.Take(MaxViolations).ToList());
    }

    private static List<InvarianceViolation> Schema(Lake.QueryResult built, Lake.QueryResult recomputed, GoldTable table) =>
    [
        .. built.Columns.Except(recomputed.Columns).Select(c =>
            new InvarianceViolation("(every row)", c, "in the built partition", "not in the table's SQL: rebuild the table (features build)")),
        .. recomputed.Columns.Except(built.Columns).Where(c => !table.LabelColumns.Contains(c)).Select(c =>
            new InvarianceViolation("(every row)", c, "not in the built partition", "in the table's SQL: rebuild the table (features build)")),
    ];

    private static List<(string Column, int Index)> KeyIndexes(Lake.QueryResult rows, GoldTable table) =>
        table.KeyColumns.Select(c => (c, Index(rows, c))).ToList();

    private static string Key(object?[] row, List<(string Column, int Index)> key) =>
        string.Join(" ", key.Select(k => $"{k.Column}={FeatureValue.Text(row[k.Index])}"));

    private static int Index(Lake.QueryResult rows, string column) => rows.Columns.ToList().IndexOf(column);
}
