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
