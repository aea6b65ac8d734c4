namespace EAmazing.Models.Evaluation;

/// <summary>
/// The money view of a retention campaign: customers are contacted in order of their leaving probability, and each
/// contacted customer adds p·acceptance·value − cost to the expected profit. The curve over the share targeted, its
/// best share and the expected profit there; a pure function, so every model that scores leaving can draw it.
/// </summary>
public static class CampaignEconomics
{
    /// <param name="leaving">Each customer's probability of leaving (a churn model's score).</param>
    /// <param name="options">Offer cost, acceptance rate and the default value of a kept customer.</param>
    /// <param name="keptValues">Each customer's own value if kept (e.g. an expected lifetime value); null: the options' value for all.</param>
    public static CampaignCurve Curve(IReadOnlyList<double> leaving, CampaignOptions options, IReadOnlyList<double>? keptValues = null)
    {
        if (keptValues is not null && keptValues.Count != leaving.Count)
        {
            throw new ArgumentException("one kept value per customer is needed", nameof(keptValues));
        }

        // Ties in the score keep the customers' order, so the curve is reproducible.
        var order = Enumerable.Range(0, leaving.Count).OrderByDescending(i => leaving[i]).ThenBy(i => i).ToArray();
        var points = new List<CampaignPoint>(leaving.Count + 1) { new(0, 0, 0) };
        var profit = 0.0;
        var best = points[0];
        for (var k = 0; k < order.Length; k++)
        {
            var i = order[k];
            var value = keptValues?[i] ?? options.KeptCustomerValue;
            profit += (leaving[i] * options.AcceptanceRate * value) - options.OfferCost;
            var point = new CampaignPoint(k + 1, (k + 1) / (double)order.Length, profit);
            points.Add(point);
            if (profit > best.ExpectedProfit)
            {
                best = point;
            }
        }

        return new CampaignCurve(points, best);
    }
}

/// <summary>Expected profit when the <see cref="Targeted"/> customers most likely to leave are contacted.</summary>
public sealed record CampaignPoint(int Targeted, double Share, double ExpectedProfit);

/// <summary>The profit curve from nobody to everybody contacted, and its best point (nobody, at 0, when no one pays).</summary>
public sealed record CampaignCurve(IReadOnlyList<CampaignPoint> Points, CampaignPoint Best);
