using System.Globalization;
using EAmazing.Models.Business;
using EAmazing.Models.Registry;

namespace EAmazing.Models.Lab;

/// <summary>A binary-classification lab run as the comparison table and notes a reader sees after training.</summary>
public static class LabComparison
{
    public static TrainingOutcome Outcome(LabResult result, ModelCard card, LeakageAuditSummary audit)
    {
        var rows = result.Families.Select(f => (IReadOnlyList<string>)
        [
            f.Family + (f == result.Best ? " *" : ""), $"{f.ValidationAuc:0.000}", f.Test.RocAuc.ToString(), $"{f.Test.PrAuc.Estimate:0.000}",
            $"{f.Test.LogLoss.Estimate:0.000}", $"{f.Test.F1.Estimate:0.000} @ {f.Test.Threshold:0.00}", $"{f.Test.LiftTopDecile:0.00}",
            f.OracleRatio?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-", $"{f.TrainingTime.TotalSeconds:0.0}",
        ]).ToList();
        var table = new ComparisonTable(
            ["family", "valid AUC", "test ROC-AUC [95% CI]", "PR-AUC", "log-loss", "F1 @ threshold", "lift top 10%", "vs oracle", "train s"], rows);
        var notes = new List<TrainingNote>
        {
            new($"{result.Split}; rows train {result.TrainRows:N0} / valid {result.ValidationRows:N0} / test {result.TestRows:N0}"),
        };
        if (result.OracleAuc is not null)
        {
            notes.Add(new($"oracle ROC-AUC on the same test rows: {result.OracleAuc}"));
        }

        notes.Add(new($"leakage audit: {(audit.Passed ? "passed" : "FAILED")} ({audit.Summary})", !audit.Passed));
        notes.AddRange(result.Alarms.Select(a => new TrainingNote(a, IsAlarm: true)));
        return new TrainingOutcome(card, table, notes, $"rows train {result.TrainRows}, valid {result.ValidationRows}, test {result.TestRows}");
    }
}
