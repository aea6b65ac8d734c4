using EAmazing.Features;
using EAmazing.Features.Leakage;
using EAmazing.Models.Business;
using EAmazing.Models.Registry;

namespace EAmazing.Models.Lab;

/// <summary>
/// The leakage audit a training run records on its card: the gold audit (future invariance and single-feature AUC) on
/// every month of the table it learns from, with the configured feature and audit settings, in one line per month.
/// </summary>
public static class GoldLeakageAudit
{
    public static LeakageAuditSummary Run(TrainingContext context, GoldTable table)
    {
        var builder = new FeatureBuilder(context.Lake, context.Features);
        var months = context.Lake.Query($"SELECT DISTINCT month FROM gold_partitions WHERE table_name = '{table.Name}' ORDER BY month")
            .Rows.Select(r => r[0]!.ToString()!).ToList();
        var audit = new LeakageAudit(context.Lake, builder, context.LeakageAudit);
        var silver = builder.SilverInputs();
        var results = months.Select(m => audit.Run(table, m, silver)).ToList();
        var passed = results.All(r => r.Passed);
        var summary = string.Join("; ", results.Select(r =>
            $"{r.Month}: future invariance {(r.Invariance.Passed ? "passed" : "FAILED")} on {r.Invariance.RowsChecked} rows"
            + (r.OffendingFeatures.Count > 0 ? $", suspicious features {string.Join(", ", r.OffendingFeatures)}" : ", no feature above the single-feature AUC threshold")));
        return new LeakageAuditSummary(passed, results.Count == 0 ? "no gold partitions to audit" : summary);
    }
}
