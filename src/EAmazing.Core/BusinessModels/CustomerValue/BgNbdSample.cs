namespace EAmazing.BusinessModels.CustomerValue;

/// <summary>
/// Customers as the BG/NBD likelihood sees them: it depends on a customer's (x, t_x, T) only, so customers with the same
/// triple are one group weighted by its count. Times are rounded to <see cref="DayResolution"/> first, the unit the lake's
/// calendar has; a month of customers then holds a few thousand distinct triples (x small, t_x ≤ T ≤ the calibration
/// span in days). The Γ terms depend on x alone and are computed once per distinct x per evaluation.
/// </summary>
public sealed class BgNbdSample
{
    /// <summary>Round t_x and T to whole days (as lifetimes' <c>freq="D"</c> summaries do).</summary>
    public const double DayResolution = 1.0;

    private readonly int[] _frequencies; // distinct x, ascending
    private readonly int[] _firstGroup; // groups of _frequencies[k] are _firstGroup[k] .. _firstGroup[k + 1) - 1
    private readonly double[] _recency;
    private readonly double[] _age;
    private readonly double[] _count;

    private BgNbdSample(int[] frequencies, int[] firstGroup, double[] recency, double[] age, double[] count, int customers, double repeatRate)
    {
        (_frequencies, _firstGroup, _recency, _age, _count) = (frequencies, firstGroup, recency, age, count);
        (Customers, MeanRepeatRate) = (customers, repeatRate);
    }

    /// <summary>Customers in the sample.</summary>
    public int Customers { get; }

    /// <summary>Distinct (x, t_x, T) triples: the terms one evaluation of the likelihood sums.</summary>
    public int Groups => _count.Length;

    /// <summary>Repeat purchases per day of age over all customers (the fit's starting rate).</summary>
    public double MeanRepeatRate { get; }

    /// <param name="resolution">Times are rounded to multiples of it (days); 0 keeps them exact (groups then only merge identical values).</param>
    public static BgNbdSample Of(IEnumerable<CustomerSummary> customers, double resolution)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(resolution);
        double Round(double days) => resolution > 0 ? Math.Round(days / resolution) * resolution : days;
        var groups = new SortedDictionary<(int X, double Recency, double Age), int>();
        var (customerCount, purchases, age) = (0, 0.0, 0.0);
        foreach (var c in customers)
        {
            // Rounding one monotone way keeps t_x ≤ T.
            var key = (c.Frequency, Round(c.Recency), Round(c.Age));
            groups[key] = groups.GetValueOrDefault(key) + 1;
            (customerCount, purchases, age) = (customerCount + 1, purchases + c.Frequency, age + c.Age);
        }

        var frequencies = new List<int>();
        var firstGroup = new List<int>();
        var index = 0;
        foreach (var key in groups.Keys)
        {
            if (frequencies.Count == 0 || frequencies[^1] != key.X)
            {
                frequencies.Add(key.X);
                firstGroup.Add(index);
            }

            index++;
        }

        firstGroup.Add(index);
        return new BgNbdSample(
            [.. frequencies], [.. firstGroup],
            [.. groups.Keys.Select(k => k.Recency)], [.. groups.Keys.Select(k => k.Age)], [.. groups.Values.Select(n => (double)n)],
            customerCount, purchases / Math.Max(1e-9, age));
    }

    /// <summary>The mean log-likelihood per customer: Σ over groups of count × one member's log-likelihood, over the customers.</summary>
    public double MeanLogLikelihood(BgNbdParameters m)
    {
        if (!m.IsValid || Customers == 0)
        {
            return double.NaN;
        }

        var sum = 0.0;
        for (var k = 0; k < _frequencies.Length; k++)
        {
            var x = _frequencies[k];
            var members = 0.0;
            var histories = 0.0;
            for (var g = _firstGroup[k]; g < _firstGroup[k + 1]; g++)
            {
                members += _count[g];
                histories += _count[g] * BgNbdModel.HistoryLogTerm(m, x, _recency[g], _age[g]);
            }

            sum += (members * BgNbdModel.SharedLogTerm(m, x)) + histories;
        }

        return sum / Customers;
    }
}
