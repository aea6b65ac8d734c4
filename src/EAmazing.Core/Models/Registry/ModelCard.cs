using EAmazing.Foundation.Statistics;
using EAmazing.Models.Business;
using EAmazing.Models.Evaluation;

namespace EAmazing.Models.Registry;

/// <summary>
/// Everything a reviewer needs to trust (or refuse) a model version: task kind and task, gold inputs, data
/// window and hashes, features, metrics as named estimates with intervals (one of them primary) beside the
/// baselines and the oracle, leakage audit, seed, code version and training time. Stored as <c>card.json</c>
/// beside the model. One card type serves every task kind: the kind-specific details (a classifier's
/// threshold and business cost) are optional.
/// </summary>
public sealed record ModelCard
{
    public required string Name { get; init; }
    public required int Version { get; init; }
    public TaskKind Kind { get; init; } = TaskKind.BinaryClassification;
    public required string Task { get; init; }

    /// <summary>The gold tables the model learned from; drift monitoring reads the first.</summary>
    public IReadOnlyList<string> GoldInputs { get; init; } = [];

    public required string Family { get; init; }
    public required IReadOnlyDictionary<string, string> Hyperparameters { get; init; }
    public required IReadOnlyList<string> Features { get; init; }
    public required string ModelFile { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required DataWindow Data { get; init; }

    /// <summary>The test metrics, each with its interval; <see cref="PrimaryMetric"/> names the one the gates compare.</summary>
    public IReadOnlyList<NamedEstimate> Estimates { get; init; } = [];

    public string PrimaryMetric { get; init; } = "";

    /// <summary>Each baseline's primary metric on the same test rows.</summary>
    public IReadOnlyDictionary<string, double> Baselines { get; init; } = new Dictionary<string, double>();

    /// <summary>Every family's primary metric on the same test rows (baselines included).</summary>
    public IReadOnlyDictionary<string, double> Families { get; init; } = new Dictionary<string, double>();

    /// <summary>The world's oracle on the same test rows, in the primary metric (generated data only).</summary>
    public ConfidenceInterval? Oracle { get; init; }

    /// <summary>The current champion re-scored on this version's test rows, in the primary metric.</summary>
    public double? ChampionOnThisWindow { get; init; }

    /// <summary>The champion's version and every estimate of it re-scored on this version's test rows, with intervals.</summary>
    public int? ChampionVersion { get; init; }

    public IReadOnlyList<NamedEstimate>? ChampionEstimates { get; init; }

    /// <summary>Each baseline's estimates on the same test rows, with intervals.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<NamedEstimate>> BaselineEstimates { get; init; } = new Dictionary<string, IReadOnlyList<NamedEstimate>>();

    /// <summary>
    /// Estimates that must not get worse (a classifier's log-loss and calibration error): not beyond the intervals
    /// against the champion, and not against <see cref="FloorBaseline"/>.
    /// </summary>
    public IReadOnlyList<string> GuardMetrics { get; init; } = [];

    /// <summary>The baseline no model may be worse than on a guard metric (a classifier's constant prior).</summary>
    public string? FloorBaseline { get; init; }

    /// <summary>How the chosen family's inputs were prepared (fitted on the training window).</summary>
    public IReadOnlyList<string> Preparation { get; init; } = [];

    /// <summary>The calibration fitted on validation and applied to every served score (<c>none</c>, <c>platt</c>, <c>isotonic</c>).</summary>
    public string Calibration { get; init; } = "none";

    /// <summary>Every family of the run: preparation, calibration, validation log-loss and AUC, test figures.</summary>
    public IReadOnlyList<FamilySummary> Comparison { get; init; } = [];

    /// <summary>Candidates tried per family: the search budget.</summary>
    public int TrialsPerFamily { get; init; }

    /// <summary>Why the same command and seed may not give this model again (a wall-clock budget), or null when they will.</summary>
    public string? NotReproducible { get; init; }

    /// <summary>A classifier's full test metrics with its decision threshold (binary classification only).</summary>
    public TestMetrics? Metrics { get; init; }

    /// <summary>The business cost the threshold was chosen for (binary classification only).</summary>
    public BusinessCost? Cost { get; init; }

    public required LeakageAuditSummary LeakageAudit { get; init; }
    public required IReadOnlyList<string> Alarms { get; init; }
    public required ulong Seed { get; init; }
    public required string CodeVersion { get; init; }
    public required double TrainingSeconds { get; init; }
    public ModelStatus Status { get; init; } = ModelStatus.Candidate;

    /// <summary>Set when a person whose data trained this model was erased, or when drift alarms: retrain due.</summary>
    public IReadOnlyList<string> RetrainReasons { get; init; } = [];

    /// <summary>The primary metric's estimate, or null on a card without one (written before named estimates existed).</summary>
    public NamedEstimate? Primary => Estimates.FirstOrDefault(e => e.Name == PrimaryMetric);

    /// <summary>The decision threshold of a classifier; 0.5 when the card has none.</summary>
    public double Threshold => Metrics?.Threshold ?? 0.5;
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
