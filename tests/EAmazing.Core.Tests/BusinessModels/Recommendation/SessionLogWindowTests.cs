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
}
