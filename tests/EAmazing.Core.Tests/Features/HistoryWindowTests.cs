using EAmazing.Core.Tests.Support;
using EAmazing.Features;

namespace EAmazing.Core.Tests.Features;

/// <summary>
/// The history tables read only the days their trailing windows keep (an event_time predicate in the SQL, so earlier
/// months are not read): a window that crosses into the previous month must still count that month's events, and the
/// all-time features (an item's age) must still see the whole history. Each feature is recomputed here straight from
/// silver, over all of it, for every November row of the generated world (Oct–Nov; windows of 30 days), and for every
/// user snapshot of a build whose days before the windows are folded into one row per user.
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
    public void Given_November_cart_points_Then_their_user_history_counts_every_earlier_session_of_silver_October_included()
    {
        // the history of a November point reads October as gold sessions and November from its events
        Assert.True(Count("""
            SELECT count(*) FROM gold_cart_prediction_points c
            WHERE c.as_of_time >= TIMESTAMP '2019-11-01'
              AND EXISTS (SELECT 1 FROM silver s WHERE s.user_id = c.user_id AND s.event_time < TIMESTAMP '2019-11-01')
            """) > 20);
        Assert.Equal(0, Count("""
            WITH sessions AS (
                SELECT any_value(user_id) AS user_id, min(event_time) AS session_start, max(event_time) AS session_end,
                       count(CASE WHEN event_type = 'purchase' THEN 1 END) AS purchases,
                       count(CASE WHEN event_type = 'cart' THEN 1 END) AS carts
                FROM silver GROUP BY session_id, date_trunc('month', event_time)
            ),
            point_starts AS (
                SELECT c.session_key, c.user_id, min(s.event_time) AS session_start
                FROM gold_cart_prediction_points c
                JOIN silver s ON strftime(s.event_time, '%Y-%m') || '/' || s.session_id = c.session_key
                GROUP BY c.session_key, c.user_id
            ),
            expected AS (
                SELECT p.session_key, count(x.session_start) AS past_sessions,
                       coalesce(sum(x.purchases), 0) AS past_purchases, coalesce(sum(x.carts), 0) AS past_carts,
                       date_diff('second', max(x.session_end), p.session_start) / 86400.0 AS since_session,
                       date_diff('second', max(CASE WHEN x.purchases > 0 THEN x.session_end END), p.session_start) / 86400.0 AS since_purchase
                FROM point_starts p LEFT JOIN sessions x ON x.user_id = p.user_id AND x.session_start < p.session_start
                GROUP BY p.session_key, p.session_start
            )
            SELECT count(*) FROM gold_cart_prediction_points c LEFT JOIN expected e USING (session_key)
            WHERE e.session_key IS NULL OR c.past_sessions <> e.past_sessions OR c.past_purchases <> e.past_purchases
               OR c.past_carts <> e.past_carts OR c.days_since_last_session IS DISTINCT FROM e.since_session
               OR c.days_since_last_purchase IS DISTINCT FROM e.since_purchase
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

    [Fact]
    public void Given_snapshots_whose_earlier_days_are_folded_per_user_Then_all_time_and_30_day_features_are_those_of_every_silver_day()
    {
        // 14 history days: the 30-day sums are the longest windows, so the days before 2 October fold into one row per
        // user for November's snapshots (and October's snapshots read every day)
        using var lake = new TestLake();
        foreach (var file in TinyWorld.Files)
        {
            lake.Ingest(file);
        }

        new FeatureBuilder(lake.Engine, new FeatureOptions { SnapshotHistoryDays = 14 })
            .Build(new FeatureBuildRequest(Tables: [GoldTables.UserSnapshots]));

        const string Expected = """
            WITH sessions AS (
                SELECT any_value(user_id) AS user_id, CAST(min(event_time) AS DATE) AS day FROM silver
                GROUP BY session_id, date_trunc('month', event_time)
            ),
            expected AS (
                SELECT u.user_id, u.as_of_time,
                       date_diff('day', min(CAST(s.event_time AS DATE)), CAST(u.as_of_time AS DATE)) AS tenure_days,
                       date_diff('second', max(s.event_time), u.as_of_time) / 86400.0 AS recency_days,
                       date_diff('second', max(CASE WHEN s.event_type = 'purchase' THEN s.event_time END), u.as_of_time) / 86400.0 AS days_since_last_purchase,
                       count(CASE WHEN s.event_type = 'purchase' THEN 1 END) AS frequency_purchases,
                       CAST(sum(CASE WHEN s.event_type = 'purchase' THEN s.price ELSE 0 END) AS DOUBLE) AS monetary,
                       count(CASE WHEN s.event_time >= u.as_of_time - INTERVAL '30 days' THEN 1 END) AS events_30d,
                       count(CASE WHEN s.event_time >= u.as_of_time - INTERVAL '30 days' AND s.event_type = 'purchase' THEN 1 END) AS purchases_30d,
                       CAST(sum(CASE WHEN s.event_time >= u.as_of_time - INTERVAL '30 days' AND s.event_type = 'purchase' THEN s.price ELSE 0 END) AS DOUBLE) AS revenue_30d,
                       (SELECT count(*) FROM sessions x WHERE x.user_id = u.user_id
                        AND x.day < CAST(u.as_of_time AS DATE) AND x.day >= CAST(u.as_of_time AS DATE) - INTERVAL '30 days') AS sessions_30d
                FROM gold_user_snapshots u
                JOIN silver s ON s.user_id = u.user_id AND s.event_time < u.as_of_time
                GROUP BY u.user_id, u.as_of_time
            )
            """;
        // users whose first day is folded: November snapshots of users first seen on 1 October
        Assert.True(lake.Count($"{Expected} SELECT count(*) FROM expected WHERE as_of_time >= TIMESTAMP '2019-11-01' AND tenure_days > date_diff('day', DATE '2019-10-02', CAST(as_of_time AS DATE))") > 5);
        Assert.True(lake.Count("SELECT count(*) FROM gold_user_snapshots") > 1_000);
        Assert.Equal(0, lake.Count($"""
            {Expected}
            SELECT count(*) FROM gold_user_snapshots u LEFT JOIN expected e USING (user_id, as_of_time)
            WHERE e.user_id IS NULL OR u.tenure_days <> e.tenure_days OR u.recency_days <> e.recency_days
               OR u.days_since_last_purchase IS DISTINCT FROM e.days_since_last_purchase
               OR u.frequency_purchases <> e.frequency_purchases OR u.monetary <> e.monetary
               OR u.events_30d <> e.events_30d OR u.purchases_30d <> e.purchases_30d OR u.revenue_30d <> e.revenue_30d
               OR u.sessions_30d <> e.sessions_30d
            """));
    }
}
