namespace EAmazing.BusinessModels.CustomerValue;

/// <summary>
/// The customers that inform the Gamma–Gamma model, arranged for its likelihood: grouped by frequency x, whose Γ terms
/// and Σ ln m̄ are computed once per group, so an evaluation costs one logarithm per customer (ln(γ + x·m̄), the only
/// term that mixes a parameter with a customer's own spend) instead of three log-gammas and four logarithms.
/// </summary>
public sealed class GammaGammaSample
{
    private readonly int[] _frequencies; // distinct x
    private readonly int[] _members; // customers with each x
    private readonly double[] _logMeanSpend; // Σ ln m̄ over each x's customers
    private readonly double[][] _totalSpend; // x·m̄ of each x's customers

    private GammaGammaSample(int[] frequencies, int[] members, double[] logMeanSpend, double[][] totalSpend)
    {
        (_frequencies, _members, _logMeanSpend, _totalSpend) = (frequencies, members, logMeanSpend, totalSpend);
        Customers = members.Sum();
    }

    public int Customers { get; }

    /// <summary>The customers with a repeat purchase and a positive mean spend (<see cref="GammaGammaModel.Informs"/>); the others are left out.</summary>
    public static GammaGammaSample Of(IEnumerable<CustomerSummary> customers)
    {
        var byFrequency = customers.Where(GammaGammaModel.Informs).GroupBy(c => c.Frequency).OrderBy(g => g.Key).ToList();
        return new GammaGammaSample(
            [.. byFrequency.Select(g => g.Key)],
            [.. byFrequency.Select(g => g.Count())],
            [.. byFrequency.Select(g => g.Sum(c => Math.Log(c.MonetaryValue)))],
            [.. byFrequency.Select(g => g.Select(c => c.Frequency * c.MonetaryValue).ToArray())]);
    }

    /// <summary>The mean of <see cref="GammaGammaModel.LogLikelihood"/> over the customers, term by term regrouped.</summary>
    public double MeanLogLikelihood(GammaGammaParameters m)
    {
        if (!m.IsValid || Customers == 0)
        {
            return double.NaN;
        }

        var sum = 0.0;
        var logGammaQ = MaximumLikelihoodFit.LogGamma(m.Q);
        var logGamma = Math.Log(m.Gamma);
        for (var k = 0; k < _frequencies.Length; k++)
        {
            var x = _frequencies[k];
            var px = m.P * x;
            var shared = MaximumLikelihoodFit.LogGamma(px + m.Q) - MaximumLikelihoodFit.LogGamma(px) - logGammaQ + (m.Q * logGamma) + (px * Math.Log(x));
            var spends = 0.0;
            foreach (var total in _totalSpend[k])
            {
                spends += Math.Log(m.Gamma + total);
            }

            sum += (_members[k] * shared) + ((px - 1) * _logMeanSpend[k]) - ((px + m.Q) * spends);
        }

        return sum / Customers;
    }
}
