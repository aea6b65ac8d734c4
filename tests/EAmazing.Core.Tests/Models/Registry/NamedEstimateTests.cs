using EAmazing.Foundation.Statistics;
using EAmazing.Models.Registry;

namespace EAmazing.Core.Tests.Models.Registry;

public sealed class NamedEstimateTests
{
    [Fact]
    public void A_higher_is_better_metric_is_clearly_better_only_beyond_both_intervals()
    {
        var low = new NamedEstimate("roc_auc", new ConfidenceInterval(0.60, 0.58, 0.62));
        var high = new NamedEstimate("roc_auc", new ConfidenceInterval(0.70, 0.68, 0.72));

        Assert.True(low.ClearlyWorseThan(high));
        Assert.False(high.ClearlyWorseThan(low));
    }

    [Fact]
    public void A_coverage_is_judged_by_its_distance_to_the_nominal_level_never_as_higher_is_better()
    {
        // 0.886 over-covers an 80% band more than 0.847 does: it is not "clearly better" for being higher.
        var wide = new NamedEstimate("coverage_80", new ConfidenceInterval(0.886, 0.870, 0.900), Target: 0.80);
        var closer = new NamedEstimate("coverage_80", new ConfidenceInterval(0.847, 0.830, 0.862), Target: 0.80);

        Assert.False(closer.ClearlyWorseThan(wide));
        Assert.False(wide.ClearlyWorseThan(closer));
        Assert.True(closer.CloserToTargetThan(wide));
        Assert.False(wide.CloserToTargetThan(closer));
    }
}
