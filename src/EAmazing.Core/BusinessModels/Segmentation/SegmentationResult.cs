using EAmazing.BusinessModels.Segmentation.Features;
using EAmazing.BusinessModels.Segmentation.Identity;
using EAmazing.BusinessModels.Segmentation.Profiles;
using EAmazing.BusinessModels.Segmentation.Selection;

namespace EAmazing.BusinessModels.Segmentation;

/// <summary>Everything one segmentation run measured and chose, before it is recorded.</summary>
/// <param name="Points">The snapshot's standardised rows.</param>
/// <param name="Projection">The two leading principal directions of the silhouette sample (for the report's 2-D view).</param>
public sealed record SegmentationResult(
    SnapshotRows Snapshot,
    FeatureTransform Transform,
    IReadOnlyList<CandidateResult> Candidates,
    CandidateResult Chosen,
    bool Trusted,
    int[] SegmentIds,
    IReadOnlyList<SegmentProfile> Profiles,
    MigrationMatrix? Migration,
    int UsersWithTruth,
    IReadOnlyList<string> Personas,
    double[][] Points,
    int[] SilhouetteRows,
    double[][] Projection,
    IReadOnlyList<string> Alarms);
