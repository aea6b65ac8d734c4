using EAmazing.Foundation.Statistics;
using EAmazing.Models.Evaluation;

namespace EAmazing.Models.Registry;

/// <summary>
/// Everything a reviewer needs to trust (or refuse) a model version: task, data window and hashes,
/// features, metrics with intervals beside the baselines and the oracle, threshold and business cost,
/// leakage audit, seed, code version and training time. Stored as <c>card.json</c> beside the model.
/// </summary>
public sealed record ModelCard
{
    public required string Name { get; init; }
    public required int Version { get; init; }
    public required string Task { get; init; }
    public required string Family { get; init; }
    public required IReadOnlyDictionary<string, string> Hyperparameters { get; init; }
    public required IReadOnlyList<string> Features { get; init; }
    public required string ModelFile { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required DataWindow Data { get; init; }
    public required TestMetrics Metrics { get; init; }
    public required IReadOnlyDictionary<string, double> BaselineTestAuc { get; init; }
    public required IReadOnlyDictionary<string, double> FamilyTestAuc { get; init; }
    public ConfidenceInterval? OracleAuc { get; init; }
    public double? ChampionTestAucOnThisWindow { get; init; }
    public required BusinessCost Cost { get; init; }
    public required LeakageAuditSummary LeakageAudit { get; init; }
    public required IReadOnlyList<string> Alarms { get; init; }
    public required ulong Seed { get; init; }
    public required string CodeVersion { get; init; }
    public required double TrainingSeconds { get; init; }
    public ModelStatus Status { get; init; } = ModelStatus.Candidate;

    /// <summary>Set when a person whose data trained this model was erased, or when drift alarms: retrain due.</summary>
    public IReadOnlyList<string> RetrainReasons { get; init; } = [];
}

public sealed record DataWindow(
    DateTime TrainFrom,
    DateTime ValidFrom,
    DateTime TestFrom,
    DateTime TestTo,
    int TrainRows,
    int ValidationRows,
    int TestRows,
    double TrainPositiveRate,
    IReadOnlyList<string> SourceHashes);

public sealed record LeakageAuditSummary(bool Passed, string Summary);

public enum ModelStatus
{
    Candidate,
    Champion,
    Archived,
}
