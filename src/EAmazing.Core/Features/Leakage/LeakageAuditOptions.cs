namespace EAmazing.Features.Leakage;

/// <summary>Settings of the leakage audit every training run calls, bound from <c>EAmazing:Features:Leakage</c>.</summary>
public sealed record LeakageAuditOptions
{
    public const string SectionName = "EAmazing:Features:Leakage";

    /// <summary>A single feature separating the label this well (ROC-AUC, or 1 − AUC for an inverted one) is suspicious.</summary>
    public double AucThreshold { get; init; } = 0.9;

    /// <summary>As-of times at which the future-invariance check recomputes the table from the past alone (every row at each).</summary>
    public int SampleCutoffs { get; init; } = 30;

    /// <summary>Chooses which as-of times are sampled; the same seed samples the same ones.</summary>
    public int Seed { get; init; } = 46;

    /// <summary>Fewer labelled rows than this (or no row of one class) and a feature's AUC is not judged.</summary>
    public int MinRowsForAuc { get; init; } = 20;

    /// <summary>
    /// At most this many rows compared per cutoff: beyond it (a weekly snapshot of millions of users) a seeded hash sample
    /// of the table's keys, the same rows on both sides, so memory stays bounded at any scale.
    /// </summary>
    public int MaxRowsPerCutoff { get; init; } = 100_000;

    /// <summary>At most this many rows in the single-feature AUC scan of a month: beyond it, a seeded hash sample of the keys.</summary>
    public int MaxScanRows { get; init; } = 1_000_000;

    /// <summary>Relative tolerance when comparing floating-point feature values (engines may sum in another order).</summary>
    public double Tolerance { get; init; } = 1e-9;
}
