using EAmazing.BusinessModels.Recommendation.Data;
using EAmazing.Core.Tests.Support;

namespace EAmazing.Core.Tests.BusinessModels.Recommendation;

/// <summary>The recommender's read of silver, whole or limited to the lake's last days (what keeps months of sessions out of memory).</summary>
public sealed class SessionLogWindowTests
{
    [Fact]
    public void A_window_reads_only_the_lakes_last_days_and_a_session_across_its_start_keeps_its_later_events()
    {
        using var lake = new TestLake();
        List<string> lines = [Rows.Header];
        for (var day = 1; day <= 4; day++)
        {
            // One user's session a day, two views each.
            lines.Add($"2019-10-0{day} 10:00:00 UTC,view,1001,2053013552326770905,,brand,10.00,500000001,00000000-0000-0000-0000-00000000000{day}");
            lines.Add($"2019-10-0{day} 10:01:00 UTC,view,1002,2053013552326770905,,brand,12.00,500000001,00000000-0000-0000-0000-00000000000{day}");
        }

        // Another user's session across midnight from day 2 into day 3.
        lines.Add("2019-10-02 23:58:00 UTC,view,1005,2053013552326770905,,brand,20.00,500000002,00000000-0000-0000-0000-0000000000b2");
        lines.Add("2019-10-03 00:01:00 UTC,view,1006,2053013552326770905,,brand,22.00,500000002,00000000-0000-0000-0000-0000000000b2");
        Assert.Equal(10, lake.IngestLines("2019-Oct.csv", lines).File.Rows.Accepted);

        var all = SessionLog.Load(lake.Engine, new PreparationOptions());
        var lastTwoDays = SessionLog.Load(lake.Engine, new PreparationOptions(WindowDays: 2));

        Assert.Equal(5, all.Count);
        Assert.Equal(3, lastTwoDays.Count); // days 3 and 4 of the first user, and the crossing session
        Assert.Contains(all, s => s.Products.SequenceEqual([1005L, 1006L]));
        Assert.Contains(lastTwoDays, s => s.Products.SequenceEqual([1006L])); // its day-2 event lies before the window
        Assert.All(lastTwoDays, s => Assert.True(DateTimeOffset.FromUnixTimeSeconds(s.Start).UtcDateTime >= new DateTime(2019, 10, 3, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Contains(new PreparationOptions(WindowDays: 2).Describe(), line => line.Contains("of the lake's last 2 days", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    public void Read_one_user_bucket_at_a_time_the_sessions_are_those_of_one_sort_of_silver_by_session_key(int windowDays)
    {
        using var lake = new TestLake(new EAmazing.Ingestion.IngestOptions { LatestEventTime = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc), SilverBucketRows = 1_000 });
        foreach (var file in TinyWorld.Files)
        {
            lake.Ingest(file);
        }

        var options = new PreparationOptions(WindowDays: windowDays);
        // The definition: every event in one sort by a session key of month and session id (the read before the buckets)
        var window = windowDays > 0 ? $"AND event_time >= CAST((SELECT CAST(max(event_time) AS DATE) FROM silver) - {windowDays - 1} AS TIMESTAMP)" : "";
        var rows = lake.Query($"""
            SELECT strftime(event_time, '%Y-%m') || '/' || session_id, user_id, CAST(epoch(event_time) AS BIGINT), event_type, product_id
            FROM silver WHERE event_type IN ('view', 'cart', 'purchase') {window}
            ORDER BY 1, event_time, source_file, source_line
            """).Rows;
        var expected = new List<RawSession>();
        var builder = new SessionBuilder(options);
        string? key = null;
        foreach (var row in rows)
        {
            if ((string)row[0]! != key)
            {
                builder.Flush(expected);
                builder.Start((string)row[1]!);
                key = (string)row[0]!;
            }

            builder.Add(Convert.ToInt64(row[4]), Convert.ToInt64(row[2]), SessionLog.TypeOf((string)row[3]!));
        }

        builder.Flush(expected);
        expected = [.. expected.OrderBy(s => s.Start).ThenBy(s => s.User, StringComparer.Ordinal)];

        var sessions = SessionLog.Load(lake.Engine, options);

        Assert.True(expected.Count > 100);
        // Users in every bucket, so every bucket's read contributes
        Assert.Equal(16, sessions.Select(s => s.User[0]).Distinct().Count());
        Assert.Equal(expected.Count, sessions.Count);
        Assert.All(expected.Zip(sessions), pair =>
        {
            Assert.Equal(pair.First.User, pair.Second.User);
            Assert.Equal(pair.First.Products, pair.Second.Products);
            Assert.Equal(pair.First.UnixSeconds, pair.Second.UnixSeconds);
            Assert.Equal(pair.First.EventTypes, pair.Second.EventTypes);
            Assert.Equal(pair.First.ConvertedProducts.OrderBy(p => p.Key), pair.Second.ConvertedProducts.OrderBy(p => p.Key));
        });
    }
}
