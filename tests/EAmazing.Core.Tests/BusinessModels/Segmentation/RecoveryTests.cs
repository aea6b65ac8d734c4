using EAmazing.BusinessModels.Segmentation.Clustering;
using EAmazing.BusinessModels.Segmentation.Quality;
using EAmazing.BusinessModels.Segmentation.Selection;

namespace EAmazing.Core.Tests.BusinessModels.Segmentation;

/// <summary>
/// On well-separated personas (four Gaussian blobs, centres 8 standard deviations apart) every family recovers them
/// (ARI ≥ 0.9) and the stability rule picks k = 4 from 2..6.
/// </summary>
public sealed class RecoveryTests
{
    private const double RecoveryThreshold = 0.9;

    [Theory]
    [InlineData("kmeans")]
    [InlineData("gmm-diag")]
    [InlineData("gmm-full")]
    [InlineData("ward")]
    public void Each_family_recovers_well_separated_personas(string family)
    {
        var (data, truth) = Blobs.Make(4, 150, 4, 8, 3);
        var labels = ClusteringFamilies.Find(family).Fit(data, 4, 46).Assign(data);
        Assert.True(PartitionAgreement.AdjustedRand(labels, truth) >= RecoveryThreshold);
    }

    [Fact]
    public void The_stability_rule_picks_the_true_k()
    {
        var (data, truth) = Blobs.Make(4, 100, 4, 8, 5);
        var candidates = new List<CandidateResult>();
        foreach (var family in new IClusteringFamily[] { new KMeansFamily(), new GaussianMixtureFamily(CovarianceType.Diagonal) })
        {
            for (var k = 2; k <= 6; k++)
            {
                var model = family.Fit(data, k, 46);
                var labels = model.Assign(data);
                var stability = BootstrapStability.PerSegment(family, data, labels, k, 10, 46);
                candidates.Add(new CandidateResult(model, false, labels, InternalQuality.Silhouette(data.Points, labels), 0, 0, stability, null, null, TimeSpan.Zero));
            }
        }

        var (chosen, trusted) = SelectionRule.Choose(candidates);

        Assert.True(trusted);
        Assert.Equal(4, chosen.K);
        Assert.True(PartitionAgreement.AdjustedRand(chosen.Labels, truth) >= RecoveryThreshold);
    }

    [Fact]
    public void Ward_cuts_a_hand_checked_dendrogram()
    {
        // 0, 1 and 10, 11, 13: Ward merges the close pairs first; at k = 2 the two groups, at k = 3 13 stands alone.
        double[][] points = [[0.0], [1.0], [10.0], [11.0], [13.0]];
        Assert.Equal([0, 0, 1, 1, 1], WardLinkage.Cut(points, 2));
        Assert.Equal([0, 0, 1, 1, 2], WardLinkage.Cut(points, 3));
    }
}
