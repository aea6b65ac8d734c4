using EAmazing.Lake;

namespace EAmazing.Features.Leakage;

/// <summary>
/// The leakage audit any training run calls on its feature table: (a) future invariance of a sample of rows,
/// (b) a single-feature ROC-AUC scan against each label. The typed result goes into the model card.
/// </summary>
public sealed class LeakageAudit(IGoldEngine engine, FeatureBuilder builder, LeakageAuditOptions options)
{
    public LeakageAuditResult Run(GoldTable table, string month) => Run(table, month, builder.SilverInputs());

    /// <summary>The audit over silver inputs read once by the caller (a training audits every month of its table).</summary>
    public LeakageAuditResult Run(GoldTable table, string month, IReadOnlyList<SilverInput> silver)
    {
        var invariance = new FutureInvarianceCheck(engine, builder, options).Run(table, month, silver);
        var scans = new List<FeatureLeakScan>();
        if (table.LabelColumns.Count > 0)
        {
            var gold = GoldRows.Of(engine, builder, table, month, silver);
            var rows = engine.Compute($"SELECT * FROM {gold} WHERE {GoldRows.Sample(engine, gold, "TRUE", table, options.MaxScanRows, options.Seed)}");
            var features = rows.Columns.Where(table.IsFeature).ToList();
            scans.AddRange(table.LabelColumns.Select(label => FeatureLeakScanner.Scan(rows, label, features, options)));
        }

        return new LeakageAuditResult(table.Name, month, invariance, scans);
    }
}
