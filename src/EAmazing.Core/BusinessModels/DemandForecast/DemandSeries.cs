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

    /// <summary>
    /// Average price paid per day (revenue / purchases); a day without a purchase carries the last known price forward,
    /// and the days before the first purchase are zero (no price known yet). Each day uses only that day and the ones
    /// before it, so a cut series gives the same prices up to its cut.
    /// </summary>
    public double[] AveragePrice()
    {
        var price = new double[Purchases.Length];
        var last = 0.0;
        for (var d = 0; d < price.Length; d++)
        {
            if (Purchases[d] > 0)
            {
                last = Revenue[d] / Purchases[d];
            }

            price[d] = last;
        }

        return price;
    }
}
