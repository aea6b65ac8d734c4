using static EAmazing.BusinessModels.CustomerValue.MaximumLikelihoodFit;

namespace EAmazing.BusinessModels.CustomerValue;

/// <summary>
/// The BG/NBD model of repeat purchases (Fader, Hardie and Lee, "Counting your customers the easy way", 2005): its
/// log-likelihood, its maximum-likelihood fit, and per customer the probability of being alive and the expected number
/// of purchases over a horizon. Times are in days; a customer's history is a <see cref="CustomerSummary"/>.
/// </summary>
public static class BgNbdModel
{
    /// <summary>One customer's log-likelihood (equation 6 of the paper, on the log scale).</summary>
    public static double LogLikelihood(BgNbdParameters m, CustomerSummary c) =>
        SharedLogTerm(m, c.Frequency) + HistoryLogTerm(m, c.Frequency, c.Recency, c.Age);

    /// <summary>The part of equation 6 that depends on the frequency alone (its Γ functions): computed once per frequency by <see cref="BgNbdSample"/>.</summary>
    public static double SharedLogTerm(BgNbdParameters m, int x) =>
        LogGamma(m.R + x) - LogGamma(m.R) + (m.R * Math.Log(m.Alpha))
        + LogGamma(m.A + m.B) + LogGamma(m.B + x) - LogGamma(m.B) - LogGamma(m.A + m.B + x);

    /// <summary>The part of equation 6 that depends on the recency and age: alive through T, or gone after the last purchase at t_x.</summary>
    public static double HistoryLogTerm(BgNbdParameters m, int x, double recency, double age)
    {
        var a3 = -(m.R + x) * Math.Log(m.Alpha + age);
        if (x == 0)
        {
            return a3;
        }

        var a4 = Math.Log(m.A) - Math.Log(m.B + x - 1) - ((m.R + x) * Math.Log(m.Alpha + recency));
        // log(e^a3 + e^a4) without overflow
        var high = Math.Max(a3, a4);
        return high + Math.Log(Math.Exp(a3 - high) + Math.Exp(a4 - high));
    }

    public static double MeanLogLikelihood(BgNbdParameters m, IReadOnlyList<CustomerSummary> customers)
    {
        if (!m.IsValid)
        {
            return double.NaN;
        }

        var sum = 0.0;
        foreach (var c in customers)
        {
            sum += LogLikelihood(m, c);
        }

        return sum / customers.Count;
    }

    /// <summary>
    /// Fits the parameters by maximum likelihood on the customers grouped by their (x, t_x, T) at day resolution
    /// (<see cref="BgNbdSample"/>): the likelihood of a group is its count times one customer's, so a month's 251k
    /// customers cost a few thousand terms per evaluation instead of 251k.
    /// </summary>
    public static (BgNbdParameters? Parameters, FitResult Fit) Fit(IReadOnlyList<CustomerSummary> customers) =>
        Fit(BgNbdSample.Of(customers, BgNbdSample.DayResolution));

    public static (BgNbdParameters? Parameters, FitResult Fit) Fit(BgNbdSample sample)
    {
        if (sample.Customers == 0)
        {
            return (null, new FitResult([], double.NaN, 0, false, "no customers to fit"));
        }

        // Start where the data point: a rate near the mean repeat rate, a mild dropout.
        double[] start = [1.0, 1.0 / Math.Max(1e-3, sample.MeanRepeatRate), 1.0, 3.0];
        var fit = Maximise(p => sample.MeanLogLikelihood(new BgNbdParameters(p[0], p[1], p[2], p[3])), start);
        return (fit.Converged ? new BgNbdParameters(fit.Parameters[0], fit.Parameters[1], fit.Parameters[2], fit.Parameters[3]) : null, fit);
    }

    /// <summary>P(alive at the calibration end | history): 1 for a customer without repeat purchases, who cannot have left yet.</summary>
    public static double ProbabilityAlive(BgNbdParameters m, CustomerSummary c) =>
        c.Frequency == 0 ? 1.0 : 1.0 / (1.0 + DeathOdds(m, c));

    /// <summary>Expected purchases in the <paramref name="horizonDays"/> after the calibration end, given the history (equation 10).</summary>
    public static double ExpectedPurchases(BgNbdParameters m, CustomerSummary c, double horizonDays)
    {
        if (horizonDays <= 0)
        {
            return 0;
        }

        var x = c.Frequency;
        var t = horizonDays;
        var z = t / (m.Alpha + c.Age + t);
        var hyper = Hypergeometric2F1.Value(m.R + x, m.B + x, m.A + m.B + x - 1, z);
        var survive = Math.Exp((m.R + x) * Math.Log((m.Alpha + c.Age) / (m.Alpha + c.Age + t)));
        var numerator = (m.A + m.B + x - 1) / (m.A - 1) * (1 - (survive * hyper));
        var value = numerator / (1 + (x > 0 ? DeathOdds(m, c) : 0));
        // The closed form holds for every a except a = 1 exactly (0/0 there); an a that close is nudged.
        return Math.Abs(m.A - 1) < 1e-9 ? ExpectedPurchases(m with { A = 1 + 1e-6 }, c, horizonDays) : value;
    }

    private static double DeathOdds(BgNbdParameters m, CustomerSummary c) =>
        m.A / (m.B + c.Frequency - 1) * Math.Exp((m.R + c.Frequency) * Math.Log((m.Alpha + c.Age) / (m.Alpha + c.Recency)));
}
