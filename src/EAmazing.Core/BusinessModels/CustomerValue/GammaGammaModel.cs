using static EAmazing.BusinessModels.CustomerValue.MaximumLikelihoodFit;

namespace EAmazing.BusinessModels.CustomerValue;

/// <summary>
/// The Gamma–Gamma model of spend per purchase (Fader, Hardie and Lee, "RFM and CLV", 2005): the likelihood of a
/// customer's mean spend m̄ over x purchases, its maximum-likelihood fit, and the expected spend per future purchase.
/// Only customers with at least one repeat purchase and a positive mean spend carry information.
/// </summary>
public static class GammaGammaModel
{
    /// <summary>Log-density of the mean m̄ of x purchase values (the sum is Gamma(px, ν), its mean Gamma(px, νx)).</summary>
    public static double LogLikelihood(GammaGammaParameters m, int x, double meanSpend) =>
        LogGamma((m.P * x) + m.Q) - LogGamma(m.P * x) - LogGamma(m.Q)
        + (m.Q * Math.Log(m.Gamma)) + (((m.P * x) - 1) * Math.Log(meanSpend)) + (m.P * x * Math.Log(x))
        - (((m.P * x) + m.Q) * Math.Log(m.Gamma + (x * meanSpend)));

    public static bool Informs(CustomerSummary c) => c.Frequency > 0 && c.MonetaryValue > 0;

    public static double MeanLogLikelihood(GammaGammaParameters m, IReadOnlyList<CustomerSummary> customers)
    {
        if (!m.IsValid)
        {
            return double.NaN;
        }

        var sum = 0.0;
        foreach (var c in customers)
        {
            sum += LogLikelihood(m, c.Frequency, c.MonetaryValue);
        }

        return sum / customers.Count;
    }

    /// <summary>Fits the parameters on the customers that <see cref="Informs"/> the model, through <see cref="GammaGammaSample"/> (one logarithm per customer per evaluation).</summary>
    public static (GammaGammaParameters? Parameters, FitResult Fit) Fit(IReadOnlyList<CustomerSummary> customers)
    {
        var sample = GammaGammaSample.Of(customers);
        if (sample.Customers < 3)
        {
            return (null, new FitResult([], double.NaN, 0, false, $"{sample.Customers} customers with repeat purchases: too few to fit spend"));
        }

        var mean = customers.Where(Informs).Average(c => c.MonetaryValue);
        double[] start = [2.0, 3.0, mean];
        var fit = Maximise(p => sample.MeanLogLikelihood(new GammaGammaParameters(p[0], p[1], p[2])), start);
        return (fit.Converged ? new GammaGammaParameters(fit.Parameters[0], fit.Parameters[1], fit.Parameters[2]) : null, fit);
    }

    /// <summary>
    /// Expected spend of the customer's next purchase: a weighted mean of the population mean and the customer's own,
    /// p(γ + x·m̄)/(px + q − 1); the population mean for a customer without repeat purchases.
    /// </summary>
    public static double ExpectedSpend(GammaGammaParameters m, CustomerSummary c) =>
        Informs(c) ? m.P * (m.Gamma + (c.Frequency * c.MonetaryValue)) / ((m.P * c.Frequency) + m.Q - 1) : m.PopulationMeanSpend;
}
