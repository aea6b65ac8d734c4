using EAmazing.BusinessModels.Segmentation.Features;
using EAmazing.BusinessModels.Segmentation.Profiles;

namespace EAmazing.Core.Tests.BusinessModels.Segmentation;

/// <summary>Top brands and categories of a segment name only values that at least the minimum group size of its members hold (k-anonymity).</summary>
public sealed class SegmentProfilerTests
{
    [Fact]
    public void Top_brands_and_categories_leave_out_values_held_by_fewer_than_the_minimum_group()
    {
        // One segment of 15 people: 12 view apple most, 3 samsung; 11 are in electronics, 4 in kids.
        var columns = new ProfileColumns(15);
        string?[] brands = [.. Enumerable.Range(0, 15).Select(i => i < 12 ? "apple" : "samsung")];
        for (var i = 0; i < 15; i++)
        {
            columns.TopCategory[i] = i < 11 ? "electronics" : "kids";
            columns.BandShares[i] = [0, 1, 0, 0];
        }

        var profile = SegmentProfiler.Profile(columns, new int[15], [7], brands, minGroupSize: 10).Single();

        Assert.Equal("apple 80%", profile.TopBrands);
        Assert.Equal("electronics 73%", profile.TopCategories);
        Assert.Equal("apple 80%, samsung 20%", SegmentProfiler.Profile(columns, new int[15], [7], brands, minGroupSize: 1).Single().TopBrands);
    }
}
