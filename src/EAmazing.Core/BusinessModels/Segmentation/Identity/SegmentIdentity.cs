using EAmazing.BusinessModels.Segmentation.Clustering;
using EAmazing.BusinessModels.Segmentation.Features;

namespace EAmazing.BusinessModels.Segmentation.Identity;

/// <summary>
/// Segments keep their identity across retrains: the new centroids are matched to the previous version's by a
/// minimum-total-distance assignment (Hungarian), compared in the shaped (log1p, capped) column space so two
/// standardisations fitted on different snapshots do not matter. A new segment that matches none gets a fresh id.
/// </summary>
public static class SegmentIdentity
{
    /// <summary>Stable id per new label.</summary>
    public static int[] Match(double[][] centroids, FeatureTransform transform, SegmentationArtifact? previous)
    {
        if (previous is null || !previous.Transform.Columns.Select(c => c.Name).SequenceEqual(transform.Columns.Select(c => c.Name)))
        {
            return [.. Enumerable.Range(1, centroids.Length)];
        }

        var now = centroids.Select(c => Unscale(c, transform)).ToArray();
        var before = previous.Centroids.Select(c => Unscale(c, previous.Transform)).ToArray();
        var cost = new double[now.Length, before.Length];
        for (var a = 0; a < now.Length; a++)
        {
            for (var b = 0; b < before.Length; b++)
            {
                // Distances in the new standardisation's units, so no column dominates by its scale.
                cost[a, b] = Distances.Squared(transform.StandardiseShaped(now[a]), transform.StandardiseShaped(before[b]));
            }
        }

        var match = Hungarian.Assign(cost);
        var next = previous.SegmentIds.DefaultIfEmpty(0).Max() + 1;
        return [.. match.Select(b => b >= 0 ? previous.SegmentIds[b] : next++)];
    }

    private static double[] Unscale(double[] standardised, FeatureTransform transform) =>
        [.. standardised.Select((v, j) => (v * transform.Deviations[j]) + transform.Means[j])];
}
