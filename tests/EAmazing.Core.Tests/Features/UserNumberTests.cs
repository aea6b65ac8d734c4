namespace EAmazing.Core.Tests.Features;

/// <summary>
/// The gold SQL groups a month's events on the user's number in the month (silver's user_number) and the session
/// number, not on the pseudonym: what it counts equals what the pseudonyms and the silver view's session ids count.
/// </summary>
public sealed class UserNumberTests(GeneratedGoldLake lake) : IClassFixture<GeneratedGoldLake>
{
    [Fact]
    public void Demand_counts_the_users_and_sessions_the_pseudonyms_count()
    {
        Assert.True(lake.Gold.Lake.Count("SELECT count(*) FROM gold_demand_daily WHERE level = 'category' AND distinct_sessions > 1") > 0);
        Assert.Equal(0, lake.Gold.Lake.Count("""
            SELECT count(*) FROM gold_demand_daily d
            JOIN (SELECT CAST(event_time AS DATE) AS day, category_id, count(DISTINCT user_id) AS users, count(DISTINCT session_id) AS sessions
                  FROM silver GROUP BY ALL) s ON s.day = d.day AND s.category_id = d.category_id
            WHERE d.level = 'category' AND (d.distinct_users <> s.users OR d.distinct_sessions <> s.sessions)
            """));
    }

    [Fact]
    public void Item_successors_are_counted_within_the_sessions_the_session_ids_name()
    {
        // The next different item after an item, in each session of the silver view, per month.
        const string Steps = """
            SELECT strftime(event_time, '%Y-%m') AS month, product_id AS next_product,
                   lag(product_id) OVER (PARTITION BY strftime(event_time, '%Y-%m'), session_id ORDER BY event_time, source_file, source_line) AS product_id
            FROM silver
            """;
        var expected = lake.Gold.Lake.Count($"SELECT count(*) FROM ({Steps}) WHERE product_id <> next_product");
        Assert.True(expected > 0);
        Assert.Equal(expected, lake.Gold.Lake.Count("SELECT CAST(sum(successor_count) AS BIGINT) FROM gold_item_transitions"));
        Assert.Equal(0, lake.Gold.Lake.Count($"""
            SELECT count(*) FROM (
                SELECT strftime(window_start, '%Y-%m') AS month, product_id, other_product_id, successor_count FROM gold_item_transitions WHERE successor_count > 0
                EXCEPT ALL
                SELECT month, product_id, next_product, count(*) FROM ({Steps}) WHERE product_id <> next_product GROUP BY ALL)
            """));
    }

    [Fact]
    public void Sessions_are_the_session_ids_of_the_silver_view_with_their_users_and_events()
    {
        Assert.Equal(0, lake.Gold.Lake.Count("""
            SELECT count(*) FROM (
                SELECT session_key, user_id, events FROM gold_sessions
                EXCEPT ALL
                SELECT strftime(min(event_time), '%Y-%m') || '/' || session_id, any_value(user_id), count(*) FROM silver
                GROUP BY strftime(event_time, '%Y-%m'), session_id)
            """));
        Assert.Equal(lake.Gold.Lake.Count("SELECT count(*) FROM (SELECT DISTINCT strftime(event_time, '%Y-%m'), session_id FROM silver)"),
            lake.Gold.Lake.Count("SELECT count(*) FROM gold_sessions"));
    }
}
