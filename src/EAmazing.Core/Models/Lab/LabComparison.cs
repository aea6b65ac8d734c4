using System.Globalization;
using EAmazing.Models.Business;
using EAmazing.Models.Registry;

namespace EAmazing.Models.Lab;

/// <summary>A binary-classification lab run as the comparison table and notes a reader sees after training.</summary>
public static class LabComparison
{
    public static TrainingOutcome Outcome(LabResult result, ModelCard card, LeakageAuditSummary audit)
    {
        // No timings in the table: it is the run's reproducible result (timings go in a note).
        var rows = result.Families.Select(f => (IReadOnlyList<string>)
        [
            f.Family + (f == result.Best ? " *" : ""), $"{f.ValidationLogLoss:0.0000}", $"{f.ValidationAuc:0.000}", f.Calibration,
            f.Test.RocAuc.ToString(), $"{f.Test.PrAuc.Estimate:0.000}", $"{f.Test.LogLoss.Estimate:0.0000}",
            $"{f.RawTestCalibrationError:0.000} → {f.Test.CalibrationError:0.000}", $"{f.Test.F1.Estimate:0.000} @ {f.Test.Threshold:0.00}", $"{f.Test.LiftTopDecile:0.00}",
            f.OracleRatio?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-",
        ]).ToList();
        var table = new ComparisonTable(
            ["family", "valid log-loss", "valid AUC", "calibration", "test ROC-AUC [95% CI]", "PR-AUC", "log-loss", "ECE raw → calibrated", "F1 @ threshold", "lift top 10%", "vs oracle"], rows);
        var notes = new List<TrainingNote>
        {
            new($"{result.Split}; rows train {result.TrainRows:N0} / valid {result.ValidationRows:N0} / test {result.TestRows:N0}"),
        };
        if (result.OracleAuc is not null)
        {
            notes.Add(new($"oracle ROC-AUC on the same test rows: {result.OracleAuc}"));
        }

        notes.Add(new("training seconds: " + string.Join(", ", result.Families.Select(f => $"{f.Family} {f.TrainingTime.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}"))));
        notes.Add(new($"chosen by validation log-loss: {result.Best.Family} ({result.Best.Calibration} calibration)"));
        notes.Add(new($"leakage audit: {(audit.Passed ? "passed" : "FAILED")} ({audit.Summary})", !audit.Passed));
        notes.AddRange(result.Alarms.Select(a => new TrainingNote(a, IsAlarm: true)));
        return new TrainingOutcome(card, table, notes, $"rows train {result.TrainRows}, valid {result.ValidationRows}, test {result.TestRows}");
    }
}
