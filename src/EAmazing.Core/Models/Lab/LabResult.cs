using EAmazing.Models.Data;
using EAmazing.Foundation.Statistics;

namespace EAmazing.Models.Lab;

/// <summary>The outcome of a lab run: every family side by side on the same temporal split.</summary>
public sealed record LabResult(
    string Task,
    TemporalSplit Split,
    int TrainRows,
    int ValidationRows,
    int TestRows,
    double TrainPositiveRate,
    IReadOnlyList<FamilyResult> Families,
    ConfidenceInterval? OracleAuc,
    IReadOnlyList<FeatureImportance> Importance,
    bool BudgetExhausted,
    IReadOnlyList<string> Alarms)
{
    /// <summary>
    /// The best non-baseline family by calibrated validation log-loss, a proper scoring rule (never chosen on test):
    /// ranking by AUC alone lets a model with good ranking and misleading probabilities win.
    /// </summary>
    public FamilyResult Best => Families.Where(f => !f.IsBaseline).MinBy(f => f.ValidationLogLoss) ?? Families.MinBy(f => f.ValidationLogLoss)!;
}

/// <summary>Permutation importance: how much test AUC drops when one feature's column is shuffled.</summary>
public sealed record FeatureImportance(string Feature, double AucDrop);
