using EAmazing.BusinessModels.Segmentation;
using EAmazing.BusinessModels.Segmentation.Clustering;
using EAmazing.BusinessModels.Segmentation.Features;
using EAmazing.BusinessModels.Segmentation.Identity;

namespace EAmazing.Core.Tests.BusinessModels.Segmentation;

/// <summary>Segments keep their identity across retrains: a retrain whose labels come out permuted maps back to the same ids.</summary>
public sealed class SegmentIdentityTests
{
    [Fact]
    public void Identities_survive_a_retrain_with_other_seeds_and_rows()
    {
        var columns = SegmentColumns.Parse("recency_days,monetary,events_90d");
        var (first, _) = Blobs.Make(4, 120, 3, 6, 1);
        var (second, _) = Blobs.Make(4, 120, 3, 6, 2);
        var transform = FeatureTransform.Fit(columns, first.Points);
        var before = new KMeansFamily().Fit(first, 4, 1);
        var previous = new SegmentationArtifact
        {
            Family = before.Family,
            SnapshotTime = DateTime.UnixEpoch,
            Transform = transform,
            Centroids = ((CentroidClustering)before).Centroids,
            SegmentIds = [7, 3, 9, 1],
            Names = ["a", "b", "c", "d"],
        };
        var after = (CentroidClustering)new KMeansFamily().Fit(second, 4, 99);

        var ids = SegmentIdentity.Match(after.Centroids, transform, previous);

        // Each new segment gets the id of the old segment whose centroid it sits on.
        for (var label = 0; label < 4; label++)
        {
            var nearestOld = Distances.Nearest(after.Centroids[label], previous.Centroids);
            Assert.Equal(previous.SegmentIds[nearestOld], ids[label]);
        }

        Assert.Equal([1, 3, 7, 9], ids.Order());
    }

    [Fact]
    public void A_segment_with_no_counterpart_gets_a_fresh_id()
    {
        var cost = new double[3, 2] { { 0, 5 }, { 5, 0 }, { 1, 1 } };
        Assert.Equal([0, 1, -1], Hungarian.Assign(cost));
    }

    [Fact]
    public void Hungarian_finds_the_minimum_total_not_the_greedy_choice()
    {
        // Greedy takes (0,0) = 1 then (1,1) = 10: 11. The optimum is (0,1) + (1,0) = 2 + 2 = 4.
        var cost = new double[2, 2] { { 1, 2 }, { 2, 10 } };
        Assert.Equal([1, 0], Hungarian.Assign(cost));
    }
}
