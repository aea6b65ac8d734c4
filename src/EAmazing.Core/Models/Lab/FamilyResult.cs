using EAmazing.Foundation.Statistics;
using EAmazing.Models.Evaluation;
using EAmazing.Models.Families;

namespace EAmazing.Models.Lab;

/// <summary>
/// One family's outcome in a lab run: its candidates scored on validation, the one chosen by validation log-loss,
/// the calibration chosen for it on validation, and its (calibrated) test metrics.
/// </summary>
/// <param name="Model">The chosen candidate with its preparation and calibrator: what the registry stores and serves.</param>
/// <param name="ValidationLogLoss">The calibrated model's held-out validation log-loss: what families are ranked by.</param>
/// <param name="Calibration">The calibration method chosen on validation (<c>none</c>, <c>platt</c>, <c>isotonic</c>).</param>
/// <param name="Preparation">The preparation steps fitted on the training window, in words.</param>
/// <param name="RawTestCalibrationError">The test calibration error of the uncalibrated scores (the report's "before").</param>
/// <param name="RawTestScores">The uncalibrated test scores, for the report's reliability diagram before calibration.</param>
public sealed record FamilyResult(
    string Family,
    string Description,
    bool IsBaseline,
    ITrainedModel Model,
    IReadOnlyList<CandidateScore> Candidates,
    double ValidationAuc,
    double ValidationLogLoss,
    string Calibration,
    IReadOnlyList<string> Preparation,
    double RawTestCalibrationError,
    TestMetrics Test,
    TimeSpan TrainingTime,
    TimeSpan ScoringTime,
    IReadOnlyList<ScoredExample> TestScores,
    IReadOnlyList<ScoredExample> RawTestScores,
    IReadOnlyList<ScoredExample> ValidationScores)
{
    public int TrialsRun => Candidates.Count;

    /// <summary>Ratio of the model's test AUC to the oracle's on the same rows (generated data only).</summary>
    public double? OracleRatio { get; init; }
}

/// <summary>One candidate's raw validation scores: log-loss chooses (a proper scoring rule), AUC is shown beside it.</summary>
public sealed record CandidateScore(IReadOnlyDictionary<string, string> Hyperparameters, double ValidationLogLoss, double ValidationAuc);
