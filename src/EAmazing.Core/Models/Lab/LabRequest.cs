using EAmazing.Models.Data;
using EAmazing.Models.Evaluation;
using EAmazing.Models.Families;

namespace EAmazing.Models.Lab;

/// <summary>What a lab run trains, on which data, with which budget.</summary>
public sealed record LabRequest
{
    public required string Task { get; init; }

    public required TabularDataset Data { get; init; }

    public IReadOnlyList<IModelFamily> Families { get; init; } = ModelFamilyCatalog.All;

    /// <summary>Candidates tried per family (the default first): the search budget, so the same command gives the same model.</summary>
    public int TrialsPerFamily { get; init; } = 4;

    /// <summary>
    /// An optional wall-clock cap on the search (null: none). When set, how many candidates are tried depends on
    /// the machine's load, so the card records the run as not reproducible.
    /// </summary>
    public TimeSpan? WallClockBudget { get; init; }

    public ulong Seed { get; init; } = 46;

    public BusinessCost Cost { get; init; } = new();

    public int ValidationDays { get; init; } = 7;

    public int TestDays { get; init; } = 7;

    /// <summary>True probabilities for rows (generated data), used for the oracle AUC; null on real data.</summary>
    public IReadOnlyList<double?>? OracleProbabilities { get; init; }

    public int BootstrapResamples { get; init; } = 300;
}
