namespace EAmazing.BusinessModels.Segmentation.Profiles;

/// <summary>What the business reads about one segment (before small-group suppression).</summary>
public sealed record SegmentProfile(
    int SegmentId,
    string Name,
    int People,
    double RevenueShare,
    double BuyerShare,
    double RecencyMean,
    double RecencyMedian,
    double FrequencyMean,
    double FrequencyP90,
    double MonetaryMean,
    double MonetaryMedian,
    double MonetaryP90,
    double Conversion,
    double CartRate,
    string PriceBand,
    string TopCategories)
{
    /// <summary>The segment's most common top brands (each user's most viewed brand), brands held by fewer than the minimum group size left out; "" when unknown.</summary>
    public string TopBrands { get; init; } = "";
}
