using System.Globalization;
using EAmazing.BusinessModels.CustomerValue;
using EAmazing.Core.Tests.Support;
using EAmazing.Models.Evaluation;

namespace EAmazing.Core.Tests.BusinessModels.CustomerValue;

/// <summary>The customer-value page's sections: value bands under k suppressed; the campaign curve never describes fewer than k customers.</summary>
public sealed class CustomerValueInsightsTests : IDisposable
{
    private readonly InsightWorld _world = new();

    [Fact]
    public void Bands_under_k_show_less_than_k_and_the_campaign_curve_starts_at_k_customers_and_matches_the_economics()
    {
        // Given 3 customers worth under 1 and 37 worth 5–20, each with its probability alive
        _world.WriteGold(CustomerScoresTable.Table.Name, "2019-11", """
            SELECT printf('u%03d', i) AS user_id, TIMESTAMP '2019-12-01 00:00:00' AS as_of_time, (i % 10) / 10.0 AS probability_alive,
                   1.0 AS expected_purchases, CASE WHEN i < 3 THEN 0.5 ELSE 10.0 END AS expected_value FROM range(40) t(i)
            """);

        // When the sections are read with k = 10
        var sections = new CustomerValueInsights().Read(_world.Context(10));

        // Then the band of 3 shows <10 and nothing else, the band of 37 its count
        var bands = sections[0].Rows.ToDictionary(r => r[0]);
        Assert.Equal(["0–1", "<10", "", ""], bands["0–1"]);
        Assert.Equal("37", bands["5–20"][1]);
        // And every campaign point contacts at least k customers, at the profit CampaignEconomics gives for them
        var leaving = Enumerable.Range(0, 40).Select(i => 1 - ((i % 10) / 10.0)).ToList();
        var curve = CampaignEconomics.Curve(leaving, new CampaignOptions());
        Assert.All(sections[1].Rows, r => Assert.True(int.Parse(r[1], CultureInfo.InvariantCulture) >= 10));
        Assert.Equal(curve.Points[20].ExpectedProfit.ToString("0", CultureInfo.InvariantCulture), sections[1].Rows.Single(r => r[1] == "20")[2]);
    }

    public void Dispose() => _world.Dispose();
}
