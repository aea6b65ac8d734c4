using System.Globalization;
using EAmazing.BusinessModels.Churn;
using EAmazing.Core.Tests.Support;
using EAmazing.Models.Evaluation;

namespace EAmazing.Core.Tests.BusinessModels.Churn;

/// <summary>The churn page's sections: risk bands and groups under k suppressed, the campaign equal to the economics and never under k users.</summary>
public sealed class ChurnInsightsTests : IDisposable
{
    private readonly InsightWorld _world = new();

    [Fact]
    public void Bands_and_groups_under_k_are_suppressed_and_the_campaign_matches_the_economics_from_k_users_on()
    {
        // Given the latest snapshot: 48 past buyers (recency 3 days), 12 each at churn probability 0.05, 0.15, 0.25 and 0.35, and 4 who never bought at
        // 0.95, the first 12 by rank contacted; and an older snapshot that must not count
        _world.WriteGold(ChurnScoresTable.Table.Name, "2019-11", """
              WITH u AS (SELECT i, CASE WHEN i < 4 THEN 0.95 ELSE 0.05 + (i % 4) / 10.0 END AS p FROM range(52) t(i))
              SELECT printf('u%03d', i) AS user_id, TIMESTAMP '2019-11-25 00:00:00' AS as_of_time, 1 AS model_version, p AS churn_probability,
                     i >= 4 AS has_purchased, CASE WHEN i >= 4 THEN 3.0 END AS days_since_last_purchase, 60.0 AS kept_value,
                     CAST(row_number() OVER (ORDER BY p DESC, i) AS INTEGER) AS campaign_rank, row_number() OVER (ORDER BY p DESC, i) <= 12 AS targeted
              FROM u
              UNION ALL SELECT 'old', TIMESTAMP '2019-11-18 00:00:00', 1, 0.5, true, 1.0, 60.0, 1, true
            """);

        // When the sections are read with k = 10
        var sections = new ChurnInsights().Read(_world.Context(10));

        // Then the 0.9–1.0 band (4 users) shows <10 and nothing else; 0.3–0.4 has 12 users, 8 of them contacted
        var bands = sections[0].Rows.ToDictionary(r => r[0]);
        Assert.Equal(["0.9–1.0", "<10", "", "", "2019-11-25"], bands["0.9–1.0"]);
        Assert.Equal(["0.3–0.4", "12", "1", "8", "2019-11-25"], bands["0.3–0.4"]);
        Assert.Equal(["0.0–0.1", "0.1–0.2", "0.2–0.3", "0.3–0.4", "0.9–1.0"], sections[0].Chart!.X);
        Assert.Equal([12.0, 12.0, 12.0, 12.0, null], sections[0].Chart!.Series[0].Values);
        // And the 4 who never bought are a group under k; the 48 recent buyers are shown with their contacted count (12 − 4 never-bought)
        var groups = sections[1].Rows.ToDictionary(r => r[0]);
        Assert.Equal(["never bought", "<10", "", "", "", ""], groups["never bought"]);
        Assert.Equal("48", groups["bought 0–7 days ago"][1]);
        Assert.Equal("8", groups["bought 0–7 days ago"][4]);
        // And every campaign point contacts at least k users, at the profit CampaignEconomics gives with the users' kept values
        var leaving = Enumerable.Range(0, 52).Select(i => i < 4 ? 0.95 : 0.05 + ((i % 4) / 10.0)).OrderDescending().ToList();
        var curve = CampaignEconomics.Curve(leaving, new CampaignOptions(), [.. leaving.Select(_ => 60.0)]);
        Assert.All(sections[2].Rows, r => Assert.True(int.Parse(r[1], CultureInfo.InvariantCulture) >= 10));
        var half = sections[2].Rows.Single(r => r[1] == "26");
        Assert.Equal(curve.Points[26].ExpectedProfit.ToString("0", CultureInfo.InvariantCulture), half[4]);
        Assert.Equal("130", half[2]); // 26 offers at 5
    }

    [Fact]
    public void Without_scores_the_section_says_what_to_run()
    {
        var section = Assert.Single(new ChurnInsights().Read(_world.Context(10)));
        Assert.Contains("./eamazing score churn", section.Note, StringComparison.Ordinal);
    }

    public void Dispose() => _world.Dispose();
}
