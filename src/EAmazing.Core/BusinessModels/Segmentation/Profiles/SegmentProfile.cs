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
    string TopCategories);
