using EAmazing.Models.Evaluation;
using FsCheck.Xunit;

namespace EAmazing.Core.Tests.Models.Evaluation;

public sealed class CampaignEconomicsTests
{
    [Fact]
    public void Best_Share_Contacts_Exactly_The_Customers_Whose_Expected_Gain_Exceeds_The_Offer()
    {
        // Gain per contacted customer: p · 0.25 · 60 − 5 = 15p − 5: 8.5, 4, 1, −3.5 (in score order).
        var options = new CampaignOptions { OfferCost = 5, AcceptanceRate = 0.25, KeptCustomerValue = 60 };

        var curve = CampaignEconomics.Curve([0.4, 0.9, 0.1, 0.6], options);

        Assert.Equal(3, curve.Best.Targeted);
        Assert.Equal(0.75, curve.Best.Share, 12);
        Assert.Equal(13.5, curve.Best.ExpectedProfit, 12);
        Assert.Equal([0, 8.5, 12.5, 13.5, 10], curve.Points.Select(p => Math.Round(p.ExpectedProfit, 9)));
    }

    [Fact]
    public void Kept_Values_Per_Customer_Replace_The_Default_Value()
    {
        var options = new CampaignOptions { OfferCost = 5, AcceptanceRate = 0.5, KeptCustomerValue = 60 };

        // 0.9 · 0.5 · 8 − 5 < 0 for the first; 0.5 · 0.5 · 100 − 5 = 20 for the second.
        var curve = CampaignEconomics.Curve([0.9, 0.5], options, [8, 100]);

        Assert.Equal(2, curve.Best.Targeted);
        Assert.Equal(0.9 * 0.5 * 8 - 5 + 20, curve.Best.ExpectedProfit, 12);
    }

    [Fact]
    public void Nobody_Is_Contacted_When_No_Offer_Pays()
    {
        var curve = CampaignEconomics.Curve([0.2, 0.1], new CampaignOptions { OfferCost = 100 });
        Assert.Equal(0, curve.Best.Targeted);
        Assert.Equal(0, curve.Best.ExpectedProfit);
    }

    [Property(MaxTest = 200)]
    public bool The_Best_Point_Is_The_Maximum_Of_The_Curve(double[] raw, byte cost)
    {
        var scores = (raw ?? []).Select(v => double.IsFinite(v) ? Math.Abs(v % 1) : 0.5).ToArray();
        var curve = CampaignEconomics.Curve(scores, new CampaignOptions { OfferCost = cost % 20 });
        return curve.Points.Count == scores.Length + 1 && curve.Points.All(p => p.ExpectedProfit <= curve.Best.ExpectedProfit + 1e-9);
    }
}
