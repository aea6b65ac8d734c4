using EAmazing.Foundation.Statistics;

namespace EAmazing.Models.Evaluation;

/// <summary>
/// What a decision is worth: acting on a session (an intervention, e.g. a voucher) costs
/// <see cref="InterventionCost"/>; acting on a session that converts recovers
/// <see cref="ConvertedValue"/>. The threshold is chosen on validation to maximise net value. The default
/// (a converted cart worth three interventions) acts on carts with a purchase chance above about a third.
/// </summary>
public sealed record BusinessCost(double ConvertedValue = 3, double InterventionCost = 1)
{
    public double NetValue(ConfusionMatrix m) => (m.TruePositives * ConvertedValue) - ((m.TruePositives + m.FalsePositives) * InterventionCost);

    /// <summary>The threshold among the observed scores that maximises net value on these (validation) examples.</summary>
    public double BestThreshold(IReadOnlyList<ScoredExample> validation)
    {
        var candidates = validation.Select(e => (double)e.Probability).Distinct().Order().ToArray();
        if (candidates.Length > 200)
        {
            // Quantiles are enough to locate the optimum and keep this linear in the data.
            candidates = Enumerable.Range(0, 201).Select(i => candidates[(int)((long)i * (candidates.Length - 1) / 200)]).Distinct().ToArray();
        }

        var best = 0.5;
        var bestValue = double.NegativeInfinity;
        foreach (var t in candidates)
        {
            var value = NetValue(ConfusionMatrix.At(validation, t));
            if (value > bestValue)
            {
                bestValue = value;
                best = t;
            }
        }

        return best;
    }
}
