using System.Globalization;
using EAmazing.Features;

namespace EAmazing.Core.Tests.Features;

/// <summary>The label columns mean what the README says they mean.</summary>
public sealed class LabelTests(GeneratedGoldLake world) : IClassFixture<GeneratedGoldLake>
{
    private long Count(string sql) => world.Gold.Lake.Count(sql);

    [Fact]
    public void Churn_is_known_only_where_the_28_day_window_lies_inside_the_data_and_means_no_purchase_in_it()
    {
        var lastEvent = (DateTime)world.Gold.Lake.Query("SELECT max(event_time) FROM silver").Rows[0][0]!;
        var cut = FeatureSql.Timestamp(lastEvent.AddDays(-28));

        Assert.Equal(0, Count($"SELECT count(*) FROM gold_user_snapshots WHERE as_of_time <= {cut} AND label_churn IS NULL"));
        Assert.Equal(0, Count($"SELECT count(*) FROM gold_user_snapshots WHERE as_of_time > {cut} AND label_churn IS NOT NULL"));
        Assert.True(Count("SELECT count(*) FROM gold_user_snapshots WHERE label_churn") > 0);
        Assert.Equal(0, Count("""
            SELECT count(*) FROM gold_user_snapshots u
            WHERE label_churn = (EXISTS (SELECT 1 FROM silver s WHERE s.user_id = u.user_id AND s.event_type = 'purchase'
                                         AND s.event_time >= u.as_of_time AND s.event_time < u.as_of_time + INTERVAL '28 days'))
            """));
    }

    [Fact]
    public void A_cart_point_is_the_first_cart_of_its_session_and_its_label_is_a_purchase_at_or_after_it()
    {
        Assert.Equal(Count("SELECT count(*) FROM gold_sessions WHERE has_cart"), Count("SELECT count(*) FROM gold_cart_prediction_points"));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM gold_cart_prediction_points c
            WHERE c.label_purchase <> EXISTS (
                SELECT 1 FROM silver s WHERE strftime(s.event_time, '%Y-%m') || '/' || s.session_id = c.session_key
                AND s.event_type = 'purchase' AND s.event_time >= c.as_of_time)
            """));
        var rate = Convert.ToDouble(world.Gold.Lake.Query("SELECT avg(CAST(label_purchase AS DOUBLE)) FROM gold_cart_prediction_points").Rows[0][0], CultureInfo.InvariantCulture);
        Assert.InRange(rate, 0.05, 0.95);
    }

    [Fact]
    public void Prefix_rows_stop_at_five_events_and_the_label_is_a_purchase_after_the_prefix()
    {
        Assert.Equal(5, Count("SELECT max(prefix_length) FROM gold_session_prefixes"));
        Assert.Equal(Count("SELECT CAST(sum(least(events, 5)) AS BIGINT) FROM gold_sessions"), Count("SELECT count(*) FROM gold_session_prefixes"));
        // A session's label can only switch off along its prefixes (true → false after its last purchase).
        Assert.Equal(0, Count("""
            SELECT count(*) FROM gold_session_prefixes a JOIN gold_session_prefixes b
              ON a.session_key = b.session_key AND b.prefix_length = a.prefix_length + 1
            WHERE NOT a.label_purchase_later AND b.label_purchase_later
            """));
    }
}
