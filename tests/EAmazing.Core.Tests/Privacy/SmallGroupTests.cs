using EAmazing.Core.Tests.Features;
using EAmazing.Lake;
using EAmazing.Privacy.SmallGroups;
using EAmazing.Reporting;

namespace EAmazing.Core.Tests.Privacy;

/// <summary>k-anonymity of business reports: a group below k shows "&lt;k" and no measures; groups of k or more are shown.</summary>
public sealed class SmallGroupTests(GeneratedGoldLake world) : IClassFixture<GeneratedGoldLake>
{
    [Fact]
    public void A_group_below_k_shows_less_than_k_and_no_measures_and_a_group_of_k_is_shown()
    {
        var rows = new QueryResult(["segment", "people", "revenue"],
        [
            ["small", 9L, 1234.5m],
            ["exactly k", 10L, 99.5m],
            ["empty", null, null],
        ]);

        var table = new SmallGroupSuppression(10).Apply(rows, "people", ["segment"]);

        Assert.Equal(["small", "<10", ""], table.Rows[0]);
        Assert.Equal(["exactly k", "10", "99.5"], table.Rows[1]);
        Assert.Equal(["empty", "<10", ""], table.Rows[2]);
        Assert.Equal(2, table.SuppressedGroups);
    }

    [Fact]
    public void K_is_configurable()
    {
        var rows = new QueryResult(["segment", "people"], [["a", 4L], ["b", 5L]]);

        var table = new SmallGroupSuppression(5).Apply(rows, "people", ["segment"]);

        Assert.Equal(["a", "<5"], table.Rows[0]);
        Assert.Equal(["b", "5"], table.Rows[1]);
    }

    [Theory]
    [InlineData("segments")]
    [InlineData("demand")]
    public void Every_report_suppresses_exactly_the_groups_below_k(string report)
    {
        var lake = world.Gold.Lake;
        var reports = new BusinessReports(lake.Engine, new SmallGroupSuppression(10));
        var raw = lake.Query(report == "segments" ? BusinessReports.SegmentsQuery(null) : BusinessReports.DemandQuery);

        var table = report == "segments" ? reports.Segments() : reports.Demand();

        var people = raw.Columns.ToList().IndexOf("people");
        var small = raw.Rows.Count(r => Convert.ToInt64(r[people], System.Globalization.CultureInfo.InvariantCulture) < 10);
        Assert.InRange(small, 1, raw.Rows.Count - 1); // the tiny world has both kinds, so the test can fail either way
        Assert.Equal(small, table.SuppressedGroups);
        for (var i = 0; i < raw.Rows.Count; i++)
        {
            var count = Convert.ToInt64(raw.Rows[i][people], System.Globalization.CultureInfo.InvariantCulture);
            if (count < 10)
            {
                Assert.Equal("<10", table.Rows[i][people]);
                Assert.All(table.Rows[i].Where((_, c) => c > people), v => Assert.Equal("", v));
            }
            else
            {
                Assert.Equal(count.ToString(System.Globalization.CultureInfo.InvariantCulture), table.Rows[i][people]);
            }
        }
    }
}
