using EAmazing.Lake;
using EAmazing.Privacy.SmallGroups;

namespace EAmazing.BusinessModels.Segmentation.Profiles;

/// <summary>The profiles as the business sees them: k-anonymous (a segment under MinGroupSize shows <c>&lt;k</c> people and no measure).</summary>
public static class ProfileTable
{
    public static readonly string[] Columns =
    [
        "segment", "name", "people", "revenue_share", "buyer_share", "recency_mean", "recency_median", "frequency_mean", "frequency_p90",
        "monetary_mean", "monetary_median", "monetary_p90", "conversion", "cart_rate", "price_band", "top_categories", "top_brands",
    ];

    public static SuppressedTable Suppressed(IReadOnlyList<SegmentProfile> profiles, int minGroupSize)
    {
        var rows = profiles.Select(p => new object?[]
        {
            p.SegmentId, p.Name, (long)p.People, Math.Round(p.RevenueShare, 4), Math.Round(p.BuyerShare, 4), p.RecencyMean, p.RecencyMedian, p.FrequencyMean, p.FrequencyP90,
            p.MonetaryMean, p.MonetaryMedian, p.MonetaryP90, Math.Round(p.Conversion, 4), Math.Round(p.CartRate, 4), p.PriceBand, p.TopCategories, p.TopBrands,
        }).ToList();
        return new SmallGroupSuppression(minGroupSize).Apply(new QueryResult(Columns, rows), "people", ["segment", "name"]);
    }
}
