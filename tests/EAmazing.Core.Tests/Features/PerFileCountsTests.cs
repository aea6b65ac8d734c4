using EAmazing.Core.Tests.Support;
using EAmazing.Features;
using EAmazing.Ingestion;

namespace EAmazing.Core.Tests.Features;

/// <summary>
/// demand_daily and item_transitions count each silver file (user bucket) apart and add the files up: over a month
/// split into many buckets, their rows are what one plain grouping of the silver view gives.
/// </summary>
public sealed class PerFileCountsTests(PerFileCountsTests.BucketedGold gold) : IClassFixture<PerFileCountsTests.BucketedGold>
{
    private const string Demand = """
        SELECT level, category_key, category_id, top_category, day, views, carts, purchases, revenue,
               distinct_users, distinct_sessions
        FROM gold_demand_daily
        """;

    private const string DemandFromSilver = """
        WITH e AS (
            SELECT CAST(event_time AS DATE) AS day, event_type, category_id, price, user_id, session_id,
                   CASE WHEN coalesce(category_code, '') = '' THEN 'unknown'
                        ELSE split_part(category_code, '.', 1) END AS top
            FROM silver
        )
        SELECT 'category', CAST(category_id AS VARCHAR), category_id, max(top), day,
               count(*) FILTER (event_type = 'view'), count(*) FILTER (event_type = 'cart'),
               count(*) FILTER (event_type = 'purchase'), CAST(coalesce(sum(price) FILTER (event_type = 'purchase'), 0) AS DOUBLE),
               count(DISTINCT user_id), count(DISTINCT session_id)
        FROM e GROUP BY day, category_id
        UNION ALL
        SELECT 'top_category', top, CAST(NULL AS BIGINT), top, day,
               count(*) FILTER (event_type = 'view'), count(*) FILTER (event_type = 'cart'),
               count(*) FILTER (event_type = 'purchase'), CAST(coalesce(sum(price) FILTER (event_type = 'purchase'), 0) AS DOUBLE),
               count(DISTINCT user_id), count(DISTINCT session_id)
        FROM e GROUP BY day, top
        """;

    [Fact]
    public void Demand_rows_of_both_levels_are_the_silver_views_counts_per_day()
    {
        Assert.True(gold.Lake.Count($"SELECT count(*) FROM ({Demand}) WHERE level = 'top_category'") > 0);
        Assert.True(gold.Lake.Count($"SELECT count(*) FROM ({Demand}) WHERE level = 'category' AND distinct_users > 1") > 0);
        AssertSameRows(Demand, DemandFromSilver);
    }

    [Fact]
    public void Co_occurrences_are_the_sessions_of_the_silver_view_holding_both_items()
    {
        var pairsFromSilver = $"""
            WITH items AS (SELECT DISTINCT session_id, product_id FROM silver),
            sized AS (
                SELECT * FROM items
                QUALIFY count(*) OVER (PARTITION BY session_id)
                    BETWEEN 2 AND {new FeatureOptions().MaxSessionItemsForPairs}
            )
            SELECT a.product_id, b.product_id, count(*)
            FROM sized a JOIN sized b ON a.session_id = b.session_id AND a.product_id <> b.product_id
            GROUP BY ALL
            """;
        const string Pairs = """
            SELECT product_id, other_product_id, cooccurrence_sessions FROM gold_item_transitions WHERE cooccurrence_sessions > 0
            """;

        Assert.True(gold.Lake.Count($"SELECT count(*) FROM ({Pairs}) WHERE cooccurrence_sessions > 1") > 0);
        AssertSameRows(Pairs, pairsFromSilver);
    }

    private void AssertSameRows(string built, string expected)
    {
        Assert.Equal(gold.Lake.Count($"SELECT count(*) FROM ({expected})"), gold.Lake.Count($"SELECT count(*) FROM ({built})"));
        Assert.Equal(0, gold.Lake.Count($"SELECT count(*) FROM (SELECT * FROM ({built}) EXCEPT ALL SELECT * FROM ({expected}))"));
        Assert.Equal(0, gold.Lake.Count($"SELECT count(*) FROM (SELECT * FROM ({expected}) EXCEPT ALL SELECT * FROM ({built}))"));
    }

    /// <summary>The generated October in buckets of about 1,000 silver rows, with the two tables built.</summary>
    public sealed class BucketedGold : IDisposable
    {
        public BucketedGold()
        {
            Lake.Ingest(TinyWorld.Files[0]);
            var builder = new FeatureBuilder(Lake.Engine, new FeatureOptions());
            Assert.True(builder.SilverInputs().Count > 1);
            builder.Build(new FeatureBuildRequest(Tables: [GoldTables.DemandDaily, GoldTables.ItemTransitions]));
        }

        public TestLake Lake { get; } = new(new IngestOptions
        {
            LatestEventTime = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            SilverBucketRows = 1_000,
        });

        public void Dispose() => Lake.Dispose();
    }
}
