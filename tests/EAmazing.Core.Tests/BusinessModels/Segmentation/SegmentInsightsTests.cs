using EAmazing.BusinessModels.Segmentation.Scoring;
using EAmazing.Core.Tests.Support;
using EAmazing.Models.Business;

namespace EAmazing.Core.Tests.BusinessModels.Segmentation;

/// <summary>The segments page's section: sizes and profiles of the latest scored snapshot, a segment under k shown as &lt;k with no measure.</summary>
public sealed class SegmentInsightsTests : IDisposable
{
    private readonly InsightWorld _world = new();

    [Fact]
    public void The_latest_snapshot_is_shown_and_a_segment_under_k_keeps_its_name_but_not_its_size_or_profile()
    {
        // Given segments 1 (25 people), 2 (4 people) and 3 (12 people) on 2019-11-25, and an older snapshot of other sizes
        _world.WriteGold("customer_segments", "2019-11", """
            SELECT 'u' || i AS user_id, TIMESTAMP '2019-11-25 00:00:00' AS as_of_time, CASE WHEN i < 25 THEN 1 WHEN i < 29 THEN 2 ELSE 3 END AS segment_id,
                   CASE WHEN i < 25 THEN 'browsers' WHEN i < 29 THEN 'big spenders' ELSE 'regulars' END AS segment_name, 1 AS model_version FROM range(41) t(i)
            UNION ALL SELECT 'u' || i, TIMESTAMP '2019-11-18 00:00:00', 2, 'big spenders', 1 FROM range(40) t(i)
            """);
        _world.WriteGold("user_snapshots", "2019-11", """
            SELECT 'u' || i AS user_id, TIMESTAMP '2019-11-25 00:00:00' AS as_of_time, CAST(i % 7 AS INTEGER) AS recency_days,
                   CAST(i % 3 AS BIGINT) AS frequency_purchases, CAST(i * 10 AS DOUBLE) AS monetary FROM range(41) t(i)
            """);

        // When the section is read with k = 10
        var sections = new SegmentInsights().Read(_world.Context(10));
        var section = sections[0];

        // Then sizes are the latest snapshot's, and segment 2 shows <10 with every measure blank (its label kept)
        var rows = section.Rows.ToDictionary(r => r[0]);
        Assert.Equal("25", rows["1"][2]);
        Assert.Equal("12", rows["3"][2]);
        Assert.Equal(["2", "big spenders", "<10", "", "", "", "2019-11-25", "1"], rows["2"]);
        Assert.Equal("0.96", rows["1"][3]); // mean purchases of users 0..24: (i % 3) averages 24/25
        Assert.Equal([25.0, null, 12.0], section.Chart!.Series[0].Values);

        // And the migration from 2019-11-18 (everyone in big spenders) to 2019-11-25: 25 to browsers, 11 to regulars (u40 was
        // not scored before), and the 4 who stayed are under k: <10 in the table, no flow drawn
        var migration = sections[1];
        Assert.Equal(
            [["2019-11-18 big spenders", "2019-11-25 big spenders", "<10"], ["2019-11-18 big spenders", "2019-11-25 browsers", "25"], ["2019-11-18 big spenders", "2019-11-25 regulars", "11"]],
            migration.Rows);
        Assert.Equal(InsightChartKind.Flow, migration.Chart!.Kind);
        Assert.Equal([new InsightFlow("2019-11-18 big spenders", "2019-11-25 browsers", 25), new InsightFlow("2019-11-18 big spenders", "2019-11-25 regulars", 11)], migration.Chart.Flows);
    }

    [Fact]
    public void With_one_scored_snapshot_the_migration_says_how_to_score_another()
    {
        _world.WriteGold("customer_segments", "2019-11",
            "SELECT 'u' || i AS user_id, TIMESTAMP '2019-11-25 00:00:00' AS as_of_time, 1 AS segment_id, 'browsers' AS segment_name, 1 AS model_version FROM range(20) t(i)");
        var migration = new SegmentInsights().Read(_world.Context(10))[1];
        Assert.Contains("--as-of", migration.Note, StringComparison.Ordinal);
        Assert.Null(migration.Chart);
    }

    [Fact]
    public void Without_scored_segments_the_section_says_what_to_run()
    {
        var section = Assert.Single(new SegmentInsights().Read(_world.Context(10)));
        Assert.Contains("./eamazing score segments", section.Note, StringComparison.Ordinal);
        Assert.Empty(section.Rows);
    }

    public void Dispose() => _world.Dispose();
}
