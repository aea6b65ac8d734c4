using EAmazing.Core.Tests.Support;
using EAmazing.Features;

namespace EAmazing.Core.Tests.Features;

public sealed class FeatureOptionsTests
{
    [Fact]
    public void Given_other_settings_When_built_Then_prefixes_snapshots_and_the_churn_window_follow_them()
    {
        var options = new FeatureOptions { PrefixLengths = 3, SnapshotWeekday = DayOfWeek.Thursday, ChurnHorizonDays = 7 };

        using var gold = new GoldLake([TinyWorld.Files[0]], options);

        Assert.Equal(3, gold.Lake.Count("SELECT max(prefix_length) FROM gold_session_prefixes"));
        // Distinct items and categories of a prefix come from lags up to PrefixLengths - 1: recount them from silver.
        Assert.Equal(0, gold.Lake.Count("""
            WITH ranked AS (
                SELECT strftime(event_time, '%Y-%m') || '/' || session_id AS session_key, product_id, category_id,
                       row_number() OVER (PARTITION BY strftime(event_time, '%Y-%m') || '/' || session_id
                                          ORDER BY event_time, source_line, hash(source_file)) AS position
                FROM silver
            ),
            expected AS (
                SELECT p.session_key, p.prefix_length, count(DISTINCT r.product_id) AS items, count(DISTINCT r.category_id) AS categories
                FROM gold_session_prefixes p JOIN ranked r ON r.session_key = p.session_key AND r.position <= p.prefix_length
                GROUP BY p.session_key, p.prefix_length
            )
            SELECT count(*) FROM gold_session_prefixes p JOIN expected e USING (session_key, prefix_length)
            WHERE p.distinct_items <> e.items OR p.distinct_categories <> e.categories
            """));
        Assert.Equal(4, gold.Lake.Count("SELECT min(extract(isodow FROM as_of_time)) FROM gold_user_snapshots"));
        Assert.Equal(4, gold.Lake.Count("SELECT max(extract(isodow FROM as_of_time)) FROM gold_user_snapshots"));
        // October's data ends on the 31st: Thursday snapshots up to the 24th have a complete 7-day window.
        Assert.Equal(0, gold.Lake.Count("SELECT count(*) FROM gold_user_snapshots WHERE as_of_time <= TIMESTAMP '2019-10-24' AND label_churn IS NULL"));
        Assert.Equal(0, gold.Lake.Count("SELECT count(*) FROM gold_user_snapshots WHERE as_of_time > TIMESTAMP '2019-10-24' AND label_churn IS NOT NULL"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Given_a_prefix_length_When_built_Then_every_prefix_feature_matches_a_recount_over_the_first_k_events(int lengths)
    {
        // The table derives prefix features from lag columns of one window (FeatureSql.Lags): recount them the plain
        // way, from the first k events of each session, and require every value to agree.
        using var gold = new GoldLake([TinyWorld.Files[0]], new FeatureOptions { PrefixLengths = lengths });

        Assert.Equal(lengths, gold.Lake.Count("SELECT max(prefix_length) FROM gold_session_prefixes"));
        Assert.Equal(0, gold.Lake.Count("""
            WITH ranked AS (
                SELECT strftime(event_time, '%Y-%m') || '/' || session_id AS session_key, event_time, event_type, product_id, category_id, price,
                       row_number() OVER (PARTITION BY session_id ORDER BY event_time, source_line, hash(source_file)) AS position
                FROM silver
            ),
            expected AS (
                SELECT p.session_key, p.prefix_length,
                       count(CASE WHEN r.event_type = 'view' THEN 1 END) AS views,
                       count(CASE WHEN r.event_type = 'cart' THEN 1 END) AS carts,
                       count(CASE WHEN r.event_type = 'remove_from_cart' THEN 1 END) AS removes,
                       count(CASE WHEN r.event_type = 'purchase' THEN 1 END) AS purchases,
                       count(DISTINCT r.product_id) AS items,
                       count(DISTINCT r.category_id) AS categories,
                       CAST(avg(r.price) AS DOUBLE) AS mean_price,
                       CAST(max(r.price) AS DOUBLE) AS max_price,
                       date_diff('second', min(r.event_time), max(r.event_time)) AS since_start,
                       max(CASE WHEN r.position = p.prefix_length THEN r.event_type END) AS last_type
                FROM gold_session_prefixes p JOIN ranked r ON r.session_key = p.session_key AND r.position <= p.prefix_length
                GROUP BY p.session_key, p.prefix_length
            ),
            repeats AS (
                SELECT p.session_key, p.prefix_length, count(*) AS repeated
                FROM gold_session_prefixes p
                JOIN ranked a ON a.session_key = p.session_key AND a.position <= p.prefix_length
                JOIN ranked b ON b.session_key = a.session_key AND b.position = a.position - 1 AND b.product_id = a.product_id
                GROUP BY p.session_key, p.prefix_length
            )
            SELECT count(*)
            FROM gold_session_prefixes p
            JOIN expected e USING (session_key, prefix_length)
            LEFT JOIN repeats r USING (session_key, prefix_length)
            WHERE p.views <> e.views OR p.carts <> e.carts OR p.removes <> e.removes OR p.purchases <> e.purchases
               OR p.distinct_items <> e.items OR p.distinct_categories <> e.categories
               OR p.repeated_items <> coalesce(r.repeated, 0)
               OR abs(p.mean_price - e.mean_price) > 1e-9 OR p.max_price <> e.max_price
               OR p.seconds_since_session_start <> e.since_start OR p.last_event_type <> e.last_type
               OR (p.prefix_length = 1 AND p.seconds_since_previous_event <> 0)
            """));
        Assert.True(gold.Lake.Count("SELECT count(*) FROM gold_session_prefixes WHERE repeated_items > 0") > 0 || lengths == 1);
    }

    [Fact]
    public void Given_a_date_range_Then_it_covers_every_month_it_touches()
    {
        var request = new FeatureBuildRequest(new DateOnly(2019, 10, 31), new DateOnly(2019, 11, 1));

        Assert.True(request.Covers("2019-10"));
        Assert.True(request.Covers("2019-11"));
        Assert.False(request.Covers("2019-09"));
        Assert.False(request.Covers("2019-12"));
    }
}
