using EAmazing.BusinessModels.Churn;
using EAmazing.Foundation.Randomness;
using EAmazing.Foundation.Statistics;
using EAmazing.Models.Evaluation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EAmazing.Core.Tests.BusinessModels.Churn;

public sealed class ChurnCampaignTests
{
    private static readonly CampaignOptions Options = new() { OfferCost = 5, AcceptanceRate = 0.25, KeptCustomerValue = 60 };

    [Fact]
    public void The_scores_choose_whom_to_contact_and_the_labels_say_what_it_realised()
    {
        // Expected gain 15p − 5: 8.5, 4, 1, −3.5 in score order, so the three most likely leavers are contacted.
        // Realised: of those three (0.9, 0.6, 0.4), the first and third churned: 2 × (0.25 · 60) − 3 × 5 = 15.
        ScoredExample[] test = [new(0.4f, true), new(0.9f, true), new(0.1f, true), new(0.6f, false)];

        var result = ChurnCampaign.OnTest(test, Options, 200, 46);

        Assert.Equal(3, result.Expected.Best.Targeted);
        Assert.Equal(15, result.RealisedAtBest.Estimate, 9);
        Assert.Equal([0, 10, 5, 15, 25], result.Realised.Select(v => Math.Round(v, 9)));
        Assert.True(result.RealisedAtBest.Lower <= 15 && 15 <= result.RealisedAtBest.Upper);
    }

    [Property(MaxTest = 100)]
    public Property Realised_profit_of_everyone_is_every_churner_kept_less_every_offer(NonEmptyArray<bool> labels, PositiveInt seed)
    {
        var random = Xoshiro256.For((ulong)seed.Get, 0xC4A);
        var test = labels.Get.Select(l => new ScoredExample((float)random.NextDouble(), l)).ToArray();

        var result = ChurnCampaign.OnTest(test, Options, 20, 46);

        var everyone = (test.Count(e => e.Label) * Options.AcceptanceRate * Options.KeptCustomerValue) - (test.Length * Options.OfferCost);
        return (Math.Abs(result.Realised[^1] - everyone) < 1e-6
                && Math.Abs(result.Realised[result.Expected.Best.Targeted] - result.RealisedAtBest.Estimate) < 1e-6)
            .ToProperty();
    }

    [Fact]
    public void The_expected_profit_of_a_contact_list_has_the_binomial_interval_around_its_mean()
    {
        // Two contacts, p = 0.5 and 1, each kept worth 0.25 · 60 = 15: mean 7.5 − 5 + 15 − 5 = 12.5, variance 15² · 0.25.
        var interval = ChurnScoring.ExpectedProfit([0, 1], [0.5f, 1f], [60, 60], Options);

        Assert.Equal(12.5, interval.Estimate, 9);
        Assert.Equal(12.5 - (1.96 * 7.5), interval.Lower, 9);
        Assert.Equal(12.5 + (1.96 * 7.5), interval.Upper, 9);
    }
}
