using EAmazing.BusinessModels.Segmentation.Quality;

namespace EAmazing.Core.Tests.BusinessModels.Segmentation;

/// <summary>Silhouette, ARI, NMI, Davies–Bouldin and Calinski–Harabasz against values computed by hand on tiny fixtures.</summary>
public sealed class QualityMeasureTests
{
    // Four points on a line: {0, 1} and {4, 6}.
    private static readonly double[][] Line = [[0.0], [1.0], [4.0], [6.0]];
    private static readonly int[] Split = [0, 0, 1, 1];

    [Fact]
    public void Silhouette_matches_the_hand_computed_value()
    {
        // Point 0: a = 1, b = (4 + 6) / 2 = 5 → 0.8.  Point 1: a = 1, b = (3 + 5) / 2 = 4 → 0.75.
        // Point 4: a = 2, b = (4 + 3) / 2 = 3.5 → 1.5 / 3.5.  Point 6: a = 2, b = (6 + 5) / 2 = 5.5 → 3.5 / 5.5.
        var expected = (0.8 + 0.75 + (1.5 / 3.5) + (3.5 / 5.5)) / 4;
        Assert.Equal(expected, InternalQuality.Silhouette(Line, Split), 12);
    }

    [Fact]
    public void A_singleton_segment_scores_zero_silhouette_for_its_row()
    {
        // {0}, {1, 4, 6}: row 0 contributes 0; row 1: a = (3 + 5) / 2 = 4, b = 1 → (1 - 4) / 4 = -0.75;
        // row 4: a = (3 + 2) / 2 = 2.5, b = 4 → 1.5 / 4; row 6: a = (5 + 2) / 2 = 3.5, b = 6 → 2.5 / 6.
        var expected = (0 - 0.75 + (1.5 / 4) + (2.5 / 6)) / 4;
        Assert.Equal(expected, InternalQuality.Silhouette(Line, [0, 1, 1, 1]), 12);
    }

    [Fact]
    public void Davies_Bouldin_and_Calinski_Harabasz_match_the_hand_computed_values()
    {
        // Centroids 0.5 and 5; scatters 0.5 and 1; separation 4.5 → DB = (1.5 / 4.5) for both segments = 1/3.
        Assert.Equal(1.0 / 3, InternalQuality.DaviesBouldin(Line, Split), 12);

        // Overall mean 2.75; B = 2 (2.25² + 2.25²) = 20.25; W = 0.25 · 2 + 1 · 2 = 2.5; CH = (20.25 / 1) / (2.5 / 2) = 16.2.
        Assert.Equal(16.2, InternalQuality.CalinskiHarabasz(Line, Split), 12);
    }

    [Fact]
    public void Adjusted_rand_matches_the_hand_computed_value()
    {
        // a = [0,0,0,1,1,1], b = [0,0,1,1,2,2]: contingency [[2,1,0],[0,1,2]].
        // Σ C(n_ij, 2) = 1 + 1 = 2; rows: 2 · C(3,2) = 6; columns: 3 · C(2,2) = 3; C(6,2) = 15.
        // expected = 6 · 3 / 15 = 1.2; max = 4.5; ARI = (2 - 1.2) / (4.5 - 1.2) = 0.8 / 3.3.
        Assert.Equal(0.8 / 3.3, PartitionAgreement.AdjustedRand([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]), 12);
        Assert.Equal(1.0, PartitionAgreement.AdjustedRand([0, 0, 1, 1], [5, 5, 3, 3]), 12);
    }

    [Fact]
    public void Normalised_mutual_information_matches_the_hand_computed_value()
    {
        // a = [0,0,1,1], b = [0,0,0,1]: MI = ½ ln(4/3) + ¼ ln(2/3) + ¼ ln 2; H(a) = ln 2; H(b) = ln 4 - ¾ ln 3.
        var mutual = (0.5 * Math.Log(4.0 / 3)) + (0.25 * Math.Log(2.0 / 3)) + (0.25 * Math.Log(2));
        var expected = mutual / ((Math.Log(2) + Math.Log(4) - (0.75 * Math.Log(3))) / 2);
        Assert.Equal(expected, PartitionAgreement.NormalisedMutualInformation([0, 0, 1, 1], [0, 0, 0, 1]), 12);
    }
}
