namespace EAmazing.BusinessModels.Recommendation;

/// <summary>
/// How a recommender run is judged: <see cref="LastDay"/> trains on every day before the last and tests on the last;
/// <see cref="Daily"/> (incremental) trains on days 1..i and tests on day i + 1, for each of the final test days.
/// </summary>
public enum RecommendationProtocol
{
    LastDay,
    Daily,
}
