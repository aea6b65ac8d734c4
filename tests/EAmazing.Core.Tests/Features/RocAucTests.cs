using EAmazing.Features.Leakage;

namespace EAmazing.Core.Tests.Features;

public sealed class RocAucTests
{
    [Fact]
    public void Given_a_score_that_ranks_every_positive_first_Then_the_auc_is_1_and_reversed_it_is_0()
    {
        bool[] labels = [false, false, true, true];

        Assert.Equal(1.0, RocAuc.Of([1, 2, 3, 4], labels));
        Assert.Equal(0.0, RocAuc.Of([4, 3, 2, 1], labels));
    }

    [Fact]
    public void Given_a_constant_score_Then_the_auc_is_one_half()
    {
        Assert.Equal(0.5, RocAuc.Of([7, 7, 7, 7], [false, true, false, true]));
    }

    [Fact]
    public void Given_ties_and_missing_values_Then_ties_share_their_rank_and_missing_ranks_lowest()
    {
        // Pairs (positive, negative): (3,null) win, (3,3) tie, (null,null) tie, (null,3) loss → (1 + 0.5 + 0.5 + 0) / 4.
        Assert.Equal(0.5, RocAuc.Of([3, null, null, 3], [true, false, true, false]));
    }

    [Fact]
    public void Given_one_class_only_Then_the_auc_is_undefined()
    {
        Assert.True(double.IsNaN(RocAuc.Of([1, 2], [true, true])));
    }
}
