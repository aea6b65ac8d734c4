using EAmazing.Foundation.Randomness;

namespace EAmazing.Sources.Synthetic.World;

/// <summary>
/// Which categories users browse on one day: a mix of the day's popularity (trends, launches, the 2020
/// shift) and each user's own top-level affinities. Its population average is known in closed form,
/// which is what makes the expected demand in <c>truth/demand_daily</c> exact.
/// </summary>
public sealed class CategoryMixture
{
    private static readonly Dictionary<string, double> ShiftByTopLevel = new(StringComparer.Ordinal)
    {
        ["computers"] = 1.5, ["appliances"] = 1.25, ["kids"] = 1.3, ["medicine"] = 2.0, ["country_yard"] = 1.8,
        ["apparel"] = 0.6, ["auto"] = 0.7, ["sport"] = 0.7, ["furniture"] = 0.9, ["accessories"] = 0.7,
    };

    private readonly AliasTable _all;
    private readonly AliasTable?[] _byTopLevel;
    private readonly int[][] _topLevelMembers;
    private readonly double _popularShare;
    private readonly double _primaryShare;

    public CategoryMixture(Catalog catalog, IReadOnlyList<double> topLevelProbabilities, int day, DateOnly date, BehaviourCoefficients behaviour)
    {
        _popularShare = behaviour.PopularCategoryShare;
        _primaryShare = behaviour.PrimaryTopLevelShare;
        var shift = WorldCalendar.ShiftLevel(date);
        var weights = new double[catalog.Categories.Count];
        foreach (var c in catalog.Categories)
        {
            var w = c.BasePopularity * c.TrendMultiplier(day);
            var top = catalog.TopLevels[c.TopLevel];
            if (shift > 0 && ShiftByTopLevel.TryGetValue(top, out var factor))
            {
                w *= 1 + ((factor - 1) * shift);
            }

            if (c.LaunchDay > 0)
            {
                // Nothing before launch, then a linear ramp (three weeks) to full demand.
                w = day < c.LaunchDay ? 0 : w * Math.Min(1, (day - c.LaunchDay + 1) / (double)EmergencePlan.LaunchRampDays);
            }

            weights[c.Index] = w;
        }

        var total = weights.Sum();
        DayShare = weights.Select(w => w / total).ToArray();
        _all = new AliasTable(weights);
        _byTopLevel = new AliasTable?[catalog.TopLevels.Count];
        _topLevelMembers = new int[catalog.TopLevels.Count][];
        var expected = new double[weights.Length];
        for (var t = 0; t < catalog.TopLevels.Count; t++)
        {
            var members = catalog.Categories.Where(c => c.TopLevel == t && weights[c.Index] > 0).Select(c => c.Index).ToArray();
            _topLevelMembers[t] = members;
            if (members.Length == 0)
            {
                continue;
            }

            var memberWeights = members.Select(m => weights[m]).ToArray();
            _byTopLevel[t] = new AliasTable(memberWeights);
            var memberTotal = memberWeights.Sum();
            foreach (var m in members)
            {
                expected[m] += (1 - _popularShare) * topLevelProbabilities[t] * weights[m] / memberTotal;
            }
        }

        for (var c = 0; c < expected.Length; c++)
        {
            expected[c] += _popularShare * DayShare[c];
        }

        ExpectedShare = expected;
    }

    /// <summary>The day's popularity share of each category.</summary>
    public double[] DayShare { get; }

    /// <summary>Population-average probability that a browsing step lands in each category.</summary>
    public double[] ExpectedShare { get; }

    public int Sample(in UserTraits user, ref Xoshiro256 rng)
    {
        if (rng.NextDouble() < _popularShare)
        {
            return _all.Sample(ref rng);
        }

        var top = rng.NextDouble() < _primaryShare ? user.PrimaryTopLevel : user.SecondaryTopLevel;
        var table = _byTopLevel[top];
        return table is null ? _all.Sample(ref rng) : _topLevelMembers[top][table.Sample(ref rng)];
    }

    /// <summary>Probability that a user's fresh browsing step lands in a category (used by the oracle).</summary>
    public double Probability(in UserTraits user, int category, Catalog catalog)
    {
        var p = _popularShare * DayShare[category];
        var top = catalog.Categories[category].TopLevel;
        var members = _topLevelMembers[top];
        if (members.Length > 0 && members.Contains(category))
        {
            var memberTotal = members.Sum(m => DayShare[m]);
            var topShare = (user.PrimaryTopLevel == top ? _primaryShare : 0) + (user.SecondaryTopLevel == top ? 1 - _primaryShare : 0);
            p += (1 - _popularShare) * topShare * DayShare[category] / memberTotal;
        }

        return p;
    }
}
