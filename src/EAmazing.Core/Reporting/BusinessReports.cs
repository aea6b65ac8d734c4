using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Privacy.SmallGroups;

namespace EAmazing.Reporting;

/// <summary>
/// Reports for business units that count people per group, always passed through <see cref="SmallGroupSuppression"/>:
/// customer segments (CRM, marketing) and monthly demand per top-level category (supply chain, finance).
/// </summary>
public sealed class BusinessReports(ILakeEngine lake, SmallGroupSuppression suppression)
{
    public static readonly string[] SegmentLabels = ["top_category", "buyer"];

    public static readonly string[] DemandLabels = ["month", "top_category"];

    /// <summary>The query behind the segments report: each customer's latest weekly snapshot at or before <paramref name="asOf"/>.</summary>
    public static string SegmentsQuery(DateTime? asOf) => $"""
        WITH latest AS (
            SELECT * FROM gold_user_snapshots
            {(asOf is { } t ? $"WHERE as_of_time <= {FeatureSql.Timestamp(t)}" : "")}
            QUALIFY row_number() OVER (PARTITION BY user_id ORDER BY as_of_time DESC) = 1)
        SELECT coalesce(top_category, 'none') AS top_category,
               CASE WHEN coalesce(frequency_purchases, 0) = 0 THEN 'no purchase' WHEN frequency_purchases = 1 THEN 'one purchase' ELSE 'repeat buyer' END AS buyer,
               count(*) AS people,
               round(avg(recency_days), 1) AS mean_recency_days,
               round(sum(revenue_30d), 2) AS revenue_30d
        FROM latest GROUP BY ALL ORDER BY 1, 2
        """;

    public const string DemandQuery = """
        SELECT strftime(event_time, '%Y-%m') AS month,
               coalesce(split_part(nullif(category_code, ''), '.', 1), 'unknown') AS top_category,
               count(DISTINCT user_id) AS people,
               count(*) FILTER (WHERE event_type = 'purchase') AS purchases,
               round(coalesce(sum(price) FILTER (WHERE event_type = 'purchase'), 0), 2) AS revenue
        FROM silver GROUP BY ALL ORDER BY 1, 2
        """;

    public SuppressedTable Segments(DateTime? asOf = null) => suppression.Apply(lake.Query(SegmentsQuery(asOf)), "people", SegmentLabels);

    public SuppressedTable Demand() => suppression.Apply(lake.Query(DemandQuery), "people", DemandLabels);
}
