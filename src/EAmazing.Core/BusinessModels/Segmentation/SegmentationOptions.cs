using EAmazing.BusinessModels.Segmentation.Clustering;
using EAmazing.BusinessModels.Segmentation.Features;

namespace EAmazing.BusinessModels.Segmentation;

/// <summary>Settings of one segmentation run (from the lab's settings and the model's parameters), recorded in the card.</summary>
public sealed record SegmentationOptions
{
    /// <summary>Cluster the latest snapshot at or before this day; null: the latest snapshot.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The migration matrix compares with the latest snapshot at or before this day; null: the snapshot before the training one.</summary>
    public DateOnly? MigrationFrom { get; init; }

    public int KMin { get; init; } = 2;

    public int KMax { get; init; } = 10;

    public IReadOnlyList<IClusteringFamily> Families { get; init; } = ClusteringFamilies.All;

    public IReadOnlyList<SegmentColumn> Columns { get; init; } = SegmentColumns.Parse(string.Join(',', SegmentColumns.Default));

    public ulong Seed { get; init; } = 46;

    /// <summary>Rows every family is fitted on (a seeded sample); all rows are then assigned.</summary>
    public int FitSample { get; init; } = 5000;

    /// <summary>Rows of the bootstrap-stability sample.</summary>
    public int StabilitySample { get; init; } = 600;

    public int StabilityResamples { get; init; } = 20;

    /// <summary>Rows of the fixed silhouette sample (O(n²)).</summary>
    public int SilhouetteSample { get; init; } = 2000;

    public int AgreementResamples { get; init; } = 200;

    /// <summary>Fewest users per segment of the largest k the snapshot must hold.</summary>
    public int MinUsersPerSegment { get; init; } = 10;

    public string? TruthFolder { get; init; }

    public int MinGroupSize { get; init; } = 10;

    public IEnumerable<int> Ks => Enumerable.Range(KMin, KMax - KMin + 1);
}
