namespace EAmazing.BusinessModels.EmergingCategories;

/// <summary>
/// The likelihood-ratio change point of a category's daily counts against the store's: under "stable" the category keeps
/// a fixed share p of the day's total N_t (count ~ Poisson(p·N_t)); under "emerging from τ" its log share grows linearly
/// from day τ on (a hinge: log μ_t = log N_t + a + b·max(0, t − τ)). Every τ is tried, a profiled out in closed form and b
/// fitted by Newton's method; the best τ is the onset and e^(30.44·b) the monthly growth. Counts of views come in sessions,
/// so they are over-dispersed: the ratio is divided by the Pearson dispersion of the hinge fit (quasi-Poisson).
/// Hand-written: MathNet.Numerics has no Poisson regression, and a two-parameter fit per candidate day is a few lines.
/// </summary>
public static class HingeChangePoint
{
    public const double DaysPerMonth = 30.44;

    /// <summary>The best hinge over candidate onsets with at least <paramref name="minimumAfter"/> days after them.</summary>
    public static HingeFit Fit(IReadOnlyList<double> counts, IReadOnlyList<double> totals, int minimumBefore, int minimumAfter)
    {
        var n = counts.Count;
        var sumY = counts.Sum();
        var sumN = totals.Sum();
        if (n < minimumBefore + minimumAfter || sumY <= 0 || sumN <= 0)
        {
            return HingeFit.None;
        }

        // Log-likelihood of the stable model (terms not depending on the rates cancel in the ratio).
        var p0 = sumY / sumN;
        var null0 = 0.0;
        for (var t = 0; t < n; t++)
        {
            null0 += counts[t] > 0 ? counts[t] * Math.Log(p0 * totals[t]) : 0;
        }

        null0 -= sumY;
        var best = HingeFit.None;
        var totalBefore = 0.0;
        for (var t = 0; t < minimumBefore; t++)
        {
            totalBefore += totals[t];
        }

        var b = 0.0;
        for (var tau = minimumBefore; tau <= n - minimumAfter; tau++)
        {
            // Warm start from the previous onset's slope: neighbouring onsets have close slopes.
            b = FitSlope(counts, totals, tau, sumY, totalBefore, b);
            totalBefore += totals[tau];
            var (loglik, a) = Profile(counts, totals, tau, b, sumY);
            var ratio = 2 * (loglik - null0);
            if (ratio > best.Ratio)
            {
                best = new HingeFit(tau, a, b, ratio, 1);
            }
        }

        if (best.Onset < 0)
        {
            return best;
        }

        // Pearson dispersion of the best fit, floored at 1 (never claim more evidence than Poisson gives).
        var pearson = 0.0;
        for (var t = 0; t < n; t++)
        {
            var mu = totals[t] * Math.Exp(best.Intercept + (best.Slope * Math.Max(0, t - best.Onset)));
            pearson += mu > 0 ? (counts[t] - mu) * (counts[t] - mu) / mu : 0;
        }

        return best with { Dispersion = Math.Max(1, pearson / Math.Max(1, n - 3)) };
    }

    private static double FitSlope(IReadOnlyList<double> y, IReadOnlyList<double> totals, int tau, double sumY, double totalBefore, double start)
    {
        // Maximise  b·Σ y_t h_t − Σy · log Σ N_t e^(b h_t)  (a profiled out); concave in b, so Newton converges.
        // Days before τ have h = 0: their totals enter as one sum.
        var sumYH = 0.0;
        for (var t = tau; t < y.Count; t++)
        {
            sumYH += y[t] * (t - tau);
        }

        var b = start;
        for (var iteration = 0; iteration < 30; iteration++)
        {
            double s0 = totalBefore, s1 = 0, s2 = 0;
            for (var t = tau; t < y.Count; t++)
            {
                var h = t - tau;
                var w = totals[t] * Math.Exp(b * h);
                s0 += w;
                s1 += w * h;
                s2 += w * h * h;
            }

            var mean = s1 / s0;
            var gradient = sumYH - (sumY * mean);
            var curvature = sumY * ((s2 / s0) - (mean * mean));
            if (curvature <= 1e-12)
            {
                break;
            }

            var step = Math.Clamp(gradient / curvature, -0.05, 0.05);
            b += step;
            if (Math.Abs(step) < 1e-6)
            {
                break;
            }
        }

        return b;
    }

    private static (double LogLikelihood, double Intercept) Profile(IReadOnlyList<double> y, IReadOnlyList<double> totals, int tau, double b, double sumY)
    {
        var s0 = 0.0;
        for (var t = 0; t < y.Count; t++)
        {
            s0 += totals[t] * Math.Exp(b * Math.Max(0, t - tau));
        }

        var a = Math.Log(sumY / s0);
        var loglik = 0.0;
        for (var t = 0; t < y.Count; t++)
        {
            if (y[t] > 0)
            {
                loglik += y[t] * (a + Math.Log(totals[t]) + (b * Math.Max(0, t - tau)));
            }
        }

        return (loglik - sumY, a);
    }
}

/// <summary>The best hinge: onset day index, intercept (log share before it), daily log-share slope after it, the likelihood ratio and the dispersion.</summary>
public sealed record HingeFit(int Onset, double Intercept, double Slope, double Ratio, double Dispersion)
{
    public static readonly HingeFit None = new(-1, 0, 0, 0, 1);

    /// <summary>The ratio scaled by the dispersion: comparable across categories of any size.</summary>
    public double Evidence => Ratio / Dispersion;

    public double GrowthPerMonth => Math.Exp(Slope * HingeChangePoint.DaysPerMonth);
}
