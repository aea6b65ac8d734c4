namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>
/// One category's (or top-level category's) daily demand, one value per day of the history, oldest first.
/// <see cref="Level"/> is <c>category</c> (key: the category id) or <c>top_category</c> (key: the first part of the code).
/// Aggregates over everyone who visited: no person's data.
/// </summary>
public sealed record DemandSeries(string Level, string Key, string TopCategory, double[] Purchases, double[] Revenue, double[] Views)
{
    public const string CategoryLevel = "category";
    public const string TopCategoryLevel = "top_category";

    public double[] Of(DemandTarget target) => target switch
    {
        DemandTarget.Purchases => Purchases,
        DemandTarget.Revenue => Revenue,
        _ => Views,
    };
}
