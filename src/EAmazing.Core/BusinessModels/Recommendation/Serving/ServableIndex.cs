using System.Globalization;
using EAmazing.BusinessModels.Recommendation.Data;
using EAmazing.BusinessModels.Recommendation.Neural;
using EAmazing.Lake;

namespace EAmazing.BusinessModels.Recommendation.Serving;

/// <summary>
/// Writes what <see cref="ServableRecommender"/> loads into a registry version folder: the index (catalogue with each
/// item's latest category in silver, training sequences) and, for the recurrent network, its weights.
/// </summary>
public static class ServableIndex
{
    public static void Write(string folder, ILakeConsole lake, ItemVocabulary vocabulary, IReadOnlyList<SessionSequence> sequences, ISessionRecommender? fitted)
    {
        var categories = Categories(lake);
        var products = vocabulary.ProductIds.ToArray();
        var index = new RecommenderIndex(products, products.Select(p => categories.GetValueOrDefault(p)).ToArray(), vocabulary.Counts.ToArray(), sequences);
        RecommenderIndexFile.Write(Path.Combine(folder, RecommenderIndexFile.FileName), index);
        if (fitted is Gru4RecRecommender network)
        {
            network.Save(Path.Combine(folder, ServableRecommender.Gru4RecFileName));
        }
    }

    private static Dictionary<long, long> Categories(ILakeConsole lake)
    {
        var categories = new Dictionary<long, long>();
        using var reader = lake.Open("SELECT product_id, arg_max(category_id, event_time) AS category_id FROM silver GROUP BY product_id");
        var values = new object?[2];
        while (reader.Read(values))
        {
            if (values[1] is not null and not DBNull)
            {
                categories[Convert.ToInt64(values[0], CultureInfo.InvariantCulture)] = Convert.ToInt64(values[1], CultureInfo.InvariantCulture);
            }
        }

        return categories;
    }
}
