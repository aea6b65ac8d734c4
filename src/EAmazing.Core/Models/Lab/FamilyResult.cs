using EAmazing.Foundation.Statistics;
using EAmazing.Models.Evaluation;
using EAmazing.Models.Families;

namespace EAmazing.Models.Lab;

/// <summary>One family's outcome in a lab run: its best candidate on validation and its test metrics.</summary>
public sealed record FamilyResult(
    string Family,
    string Description,
    bool IsBaseline,
    ITrainedModel Model,
    int TrialsRun,
    double ValidationAuc,
    TestMetrics Test,
    TimeSpan TrainingTime,
    TimeSpan ScoringTime,
    IReadOnlyList<ScoredExample> TestScores,
    IReadOnlyList<ScoredExample> ValidationScores)
{
    /// <summary>Ratio of the model's test AUC to the oracle's on the same rows (generated data only).</summary>
    public double? OracleRatio { get; init; }
}
