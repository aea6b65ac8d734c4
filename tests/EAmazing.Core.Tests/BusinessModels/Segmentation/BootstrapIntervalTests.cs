using EAmazing.BusinessModels.Segmentation.Quality;
using EAmazing.Foundation.Randomness;

namespace EAmazing.Core.Tests.BusinessModels.Segmentation;

/// <summary>
/// The bootstrap intervals of the card: agreement intervals recount contingency cells instead of resampling rows into
/// lists (they must give exactly what the row resampling gives under the same draws), and the least stable segment's
/// interval resamples the refits.
/// </summary>
public sealed class BootstrapIntervalTests
{
    [Fact]
    public void Agreement_interval_from_recounted_cells_equals_the_row_resampling_under_the_same_draws()
    {
        var rng = Xoshiro256.For(7, 1);
        var segments = new int[3000];
        var truth = new int[3000];
        for (var i = 0; i < segments.Length; i++)
        {
            truth[i] = rng.NextInt(5);
            segments[i] = rng.NextInt(4) == 0 ? rng.NextInt(3) : truth[i] % 3; // partly agreeing
        }

        var intervals = AgreementInterval.Of(segments, truth, [PartitionAgreement.AdjustedRand, PartitionAgreement.NormalisedMutualInformation], 50, 46);

        // The former implementation: resample (segment, persona) rows into lists with the same seeded draws.
        var draws = Xoshiro256.For(46, 0xA81);
        var ari = new double[50];
        var nmi = new double[50];
        var a = new int[segments.Length];
        var b = new int[segments.Length];
        for (var r = 0; r < 50; r++)
        {
            for (var i = 0; i < a.Length; i++)
            {
                var pick = draws.NextInt(a.Length);
                (a[i], b[i]) = (segments[pick], truth[pick]);
            }

            ari[r] = PartitionAgreement.AdjustedRand(a, b);
            nmi[r] = PartitionAgreement.NormalisedMutualInformation(a, b);
        }

        var expectedAri = AgreementInterval.Percentile(PartitionAgreement.AdjustedRand(segments, truth), ari);
        var expectedNmi = AgreementInterval.Percentile(PartitionAgreement.NormalisedMutualInformation(segments, truth), nmi);
        Assert.Equal(expectedAri.Estimate, intervals[0].Estimate, 12);
        Assert.Equal(expectedAri.Lower, intervals[0].Lower, 12);
        Assert.Equal(expectedAri.Upper, intervals[0].Upper, 12);
        Assert.Equal(expectedNmi.Lower, intervals[1].Lower, 12);
        Assert.Equal(expectedNmi.Upper, intervals[1].Upper, 12);
        Assert.True(intervals[0].Lower < intervals[0].Estimate && intervals[0].Estimate < intervals[0].Upper);
    }

    [Fact]
    public void Contingency_table_holds_the_pair_counts_and_margins()
    {
        var table = ContingencyTable.Of([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]);
        Assert.Equal([2L, 1, 0, 0, 1, 2], table.Cells);
        Assert.Equal(3, table.Row(1));
        Assert.Equal(2, table.Column(1));
        Assert.Equal(6, table.N);
        Assert.Equal(0.8 / 3.3, PartitionAgreement.AdjustedRand(table), 12);
    }

    [Fact]
    public void Least_stable_segment_interval_brackets_the_estimate_and_collapses_when_every_refit_agrees()
    {
        double[][] varying = [[0.9, 0.5], [0.8, 0.7], [1.0, 0.6], [0.9, 0.4], [0.95, 0.8]];
        var interval = BootstrapStability.MinInterval(varying, 2, 200, 46);
        Assert.Equal(0.6, interval.Estimate, 12); // segment 2's mean Jaccard
        Assert.True(interval.Lower < 0.6 && interval.Upper > 0.6, $"{interval.Lower} .. {interval.Upper}");
        Assert.True(interval.Lower >= 0.4 && interval.Upper <= 0.8);

        double[][] same = [[0.9, 0.7], [0.9, 0.7], [0.9, 0.7]];
        var fixedInterval = BootstrapStability.MinInterval(same, 2, 50, 46);
        Assert.Equal(0.7, fixedInterval.Estimate, 12);
        Assert.Equal(0.7, fixedInterval.Lower, 12);
        Assert.Equal(0.7, fixedInterval.Upper, 12);
    }

    [Fact]
    public void A_segment_missing_from_a_refit_is_left_out_of_its_mean()
    {
        double[][] refits = [[0.9, double.NaN], [0.7, 0.5]];
        Assert.Equal([0.8, 0.5], BootstrapStability.Means(refits, 2).Select(m => Math.Round(m, 12)));
    }
}
