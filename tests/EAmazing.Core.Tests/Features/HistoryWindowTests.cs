namespace EAmazing.Core.Tests.Features;

/// <summary>
/// The history tables read only the days their trailing windows keep (an event_time predicate in the SQL, so earlier
/// months are not read): a window that crosses into the previous month must still count that month's events, and the
/// all-time features (an item's age) must still see the whole history. Each feature is recomputed here straight from
/// silver, over all of it, for every November row of the generated world (Oct–Nov; windows of 30 days).
/// </summary>
public sealed class HistoryWindowTests(GeneratedGoldLake world) : IClassFixture<GeneratedGoldLake>
{
    private long Count(string sql) => world.Gold.Lake.Count(sql);

    [Fact]
    public void Given_November_cart_points_Then_their_item_and_category_windows_count_October_days_as_silver_does()
    {
        // a November point's window of 30 whole days before its day reaches back into October
        Assert.True(Count("""
            SELECT count(*) FROM gold_cart_prediction_points c
            WHERE c.as_of_time >= TIMESTAMP '2019-11-01' AND EXISTS (
                SELECT 1 FROM silver s WHERE s.product_id = c.product_id AND s.event_time < TIMESTAMP '2019-11-01'
                AND CAST(s.event_time AS DATE) >= CAST(c.as_of_time AS DATE) - INTERVAL '30 days')
            """) > 20);
        Assert.Equal(0, Count("""
            WITH expected AS (
                SELECT c.session_key,
                       count(CASE WHEN s.event_type = 'view' THEN 1 END) AS views,
                       count(CASE WHEN s.event_type = 'cart' THEN 1 END) AS carts,
                       count(CASE WHEN s.event_type = 'purchase' THEN 1 END) AS purchases
                FROM gold_cart_prediction_points c
                LEFT JOIN silver s ON s.product_id = c.product_id
                    AND CAST(s.event_time AS DATE) < CAST(c.as_of_time AS DATE)
                    AND CAST(s.event_time AS DATE) >= CAST(c.as_of_time AS DATE) - INTERVAL '30 days'
                WHERE c.as_of_time >= TIMESTAMP '2019-11-01'
                GROUP BY c.session_key
            )
            SELECT count(*) FROM gold_cart_prediction_points c JOIN expected e USING (session_key)
            WHERE c.item_views_trailing <> e.views OR c.item_carts_trailing <> e.carts OR c.item_purchases_trailing <> e.purchases
            """));
        Assert.Equal(0, Count("""
            WITH expected AS (
                SELECT c.session_key, CAST(sum(s.price) / nullif(count(s.price), 0) AS DOUBLE) AS mean_price
                FROM gold_cart_prediction_points c
                LEFT JOIN silver s ON s.category_id = c.category_id
                    AND CAST(s.event_time AS DATE) < CAST(c.as_of_time AS DATE)
                    AND CAST(s.event_time AS DATE) >= CAST(c.as_of_time AS DATE) - INTERVAL '30 days'
                WHERE c.as_of_time >= TIMESTAMP '2019-11-01'
                GROUP BY c.session_key
            )
            SELECT count(*) FROM gold_cart_prediction_points c JOIN expected e USING (session_key)
            WHERE c.category_mean_price_trailing IS DISTINCT FROM e.mean_price
              AND NOT abs(c.category_mean_price_trailing - e.mean_price) <= 1e-9 * abs(e.mean_price)
            """));
    }

    [Fact]
    public void Given_November_item_days_Then_their_trailing_counts_include_October_and_their_age_counts_from_the_first_event_ever()
    {
        // early November days: most of the 30-day window lies in October
        Assert.True(Count("SELECT count(*) FROM gold_items WHERE day >= DATE '2019-11-01' AND day < DATE '2019-11-08'") > 100);
        Assert.Equal(0, Count("""
            WITH expected AS (
                SELECT i.product_id, i.day,
                       count(CASE WHEN s.event_type = 'view' THEN 1 END) AS views,
                       count(CASE WHEN s.event_type = 'cart' THEN 1 END) AS carts,
                       count(CASE WHEN s.event_type = 'purchase' THEN 1 END) AS purchases,
                       count(DISTINCT (s.user_id, CAST(s.event_time AS DATE))) AS user_days
                FROM gold_items i
                JOIN silver s ON s.product_id = i.product_id
                    AND CAST(s.event_time AS DATE) < i.day AND CAST(s.event_time AS DATE) >= i.day - INTERVAL '30 days'
                WHERE i.day >= DATE '2019-11-01'
                GROUP BY i.product_id, i.day
            )
            SELECT count(*) FROM gold_items i LEFT JOIN expected e USING (product_id, day)
            WHERE i.day >= DATE '2019-11-01'
              AND (e.views IS NULL OR i.views_trailing <> e.views OR i.carts_trailing <> e.carts
                   OR i.purchases_trailing <> e.purchases OR i.user_days_trailing <> e.user_days)
            """));
        // age: from the item's first event in all of silver, also when that lies before the window
        Assert.True(Count("SELECT count(*) FROM gold_items WHERE day >= DATE '2019-11-01' AND age_days > 30") > 100);
        Assert.Equal(0, Count("""
            SELECT count(*) FROM gold_items i
            JOIN (SELECT product_id, CAST(min(event_time) AS DATE) AS first_day FROM silver GROUP BY product_id) f USING (product_id)
            WHERE i.day >= DATE '2019-11-01' AND i.age_days <> date_diff('day', f.first_day, i.day)
            """));
    }
}
