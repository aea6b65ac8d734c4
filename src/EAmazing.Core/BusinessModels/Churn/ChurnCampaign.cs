using System.Globalization;
using EAmazing.Foundation.Statistics;
using EAmazing.Models.Evaluation;

namespace EAmazing.BusinessModels.Churn;

/// <summary>
/// The campaign view judged on the test window: the expected profit curve from the model's churn probabilities
/// (<see cref="CampaignEconomics"/>) chooses whom to contact; the profit those contacts would have realised, given who
/// actually churned (each churner contacted is kept with the acceptance rate), is measured with a bootstrap interval over
/// customers. A model whose probabilities are too high shows an expected profit above the realised one.
/// </summary>
public static class ChurnCampaign
{
    public static ChurnCampaignResult OnTest(IReadOnlyList<ScoredExample> test, CampaignOptions options, int resamples, ulong seed)
    {
        var curve = CampaignEconomics.Curve(test.Select(e => (double)e.Probability).ToList(), options);
        // The same order as the curve's: descending probability, ties by position.
        var order = Enumerable.Range(0, test.Count).OrderByDescending(i => test[i].Probability).ThenBy(i => i).ToArray();
        var gain = test.Select(e => ((e.Label ? 1 : 0) * options.AcceptanceRate * options.KeptCustomerValue) - options.OfferCost).ToArray();
        var realised = new double[test.Count + 1];
        for (var k = 0; k < order.Length; k++)
        {
            realised[k + 1] = realised[k] + gain[order[k]];
        }

        var targeted = new bool[test.Count];
        foreach (var i in order.Take(curve.Best.Targeted))
        {
            targeted[i] = true;
        }

        var contacts = Enumerable.Range(0, test.Count).Select(i => (Targeted: targeted[i], Gain: gain[i])).ToArray();
        var interval = Bootstrap.Interval(contacts, sample => sample.Sum(c => c.Targeted ? c.Gain : 0), resamples, seed);
        return new ChurnCampaignResult(curve, realised, interval);
    }

    /// <summary>An amount with its interval, in whole units.</summary>
    public static string Money(ConfidenceInterval interval) =>
        string.Create(CultureInfo.InvariantCulture, $"{interval.Estimate:N0} [{interval.Lower:N0}, {interval.Upper:N0}]");
}

/// <param name="Expected">The expected profit curve from the scores and its best share.</param>
/// <param name="Realised">Cumulative realised profit when the k most likely leavers are contacted (index k, same order as the curve).</param>
/// <param name="RealisedAtBest">The realised profit at the best share, with its 95% bootstrap interval over customers.</param>
public sealed record ChurnCampaignResult(CampaignCurve Expected, IReadOnlyList<double> Realised, ConfidenceInterval RealisedAtBest);
