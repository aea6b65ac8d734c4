using System.Globalization;
using EAmazing.BusinessModels.Segmentation.Features;

namespace EAmazing.BusinessModels.Segmentation.Profiles;

/// <summary>Profiles each segment from the snapshot's columns and names it from how it differs from the whole snapshot.</summary>
public static class SegmentProfiler
{
    /// <param name="brands">Each user's top brand by row (null when unknown); a brand is named only when at least <paramref name="minGroupSize"/> members hold it, as for categories.</param>
    public static IReadOnlyList<SegmentProfile> Profile(ProfileColumns columns, int[] labels, int[] segmentIds, string?[]? brands = null, int minGroupSize = 1)
    {
        var all = Enumerable.Range(0, labels.Length).ToArray();
        var overall = Measure(columns, all, 0, "", 1, minGroupSize);
        var revenue = columns.Monetary.Sum();
        var names = new Dictionary<string, int>();
        return [.. Enumerable.Range(0, segmentIds.Length).Select(label =>
        {
            var members = all.Where(i => labels[i] == label).ToArray();
            var profile = Measure(columns, members, segmentIds[label], "", revenue, minGroupSize) with { TopBrands = brands is null ? "" : Top(members, i => brands[i], members.Length, minGroupSize) };
            var name = Name(profile, overall);
            names[name] = names.GetValueOrDefault(name) + 1;
            return profile with { Name = names[name] == 1 ? name : $"{name} ({names[name]})" };
        })];
    }

    /// <summary>A short name: value, activity and price adjectives before the buying pattern, each only where the segment clearly differs from everyone.</summary>
    public static string Name(SegmentProfile segment, SegmentProfile overall)
    {
        var words = new List<string>();
        if (segment.BuyerShare >= 0.5 && segment.MonetaryMean >= 2 * overall.MonetaryMean)
        {
            words.Add("high-value");
        }

        if (segment.RecencyMean <= 0.6 * overall.RecencyMean)
        {
            words.Add("active");
        }
        else if (segment.RecencyMean >= 1.4 * overall.RecencyMean)
        {
            words.Add("lapsing");
        }

        if (segment.PriceBand != overall.PriceBand)
        {
            words.Add(segment.PriceBand is "800+" or "200-800" ? "premium" : "bargain");
        }

        words.Add(segment.BuyerShare < 0.2 ? "browsers" : segment.FrequencyMean >= 2 ? "loyal buyers" : segment.BuyerShare < 0.8 ? "occasional buyers" : "buyers");
        return string.Join(' ', words);
    }

    /// <summary>The three most common values among the members with their share of the segment, values held by fewer than <paramref name="minGroupSize"/> left out (k-anonymity).</summary>
    private static string Top(int[] members, Func<int, string?> value, int people, int minGroupSize) =>
        string.Join(", ", members.Select(value).Where(v => v is not null).GroupBy(v => v!).Where(g => g.Count() >= minGroupSize)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(3)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {100.0 * g.Count() / people:0}%")));

    private static SegmentProfile Measure(ProfileColumns c, int[] members, int id, string name, double totalRevenue, int minGroupSize)
    {
        double Mean(double[] v) => members.Length == 0 ? 0 : members.Average(i => v[i]);
        double Quantile(double[] v, double q)
        {
            if (members.Length == 0)
            {
                return 0;
            }

            var sorted = members.Select(i => v[i]).Order().ToArray();
            return sorted[(int)Math.Floor(q * (sorted.Length - 1))];
        }

        var bands = Enumerable.Range(0, ProfileColumns.PriceBands.Length).Select(b => members.Length == 0 ? 0 : members.Average(i => c.BandShares[i][b])).ToArray();
        return new SegmentProfile(
            id,
            name,
            members.Length,
            totalRevenue > 0 ? members.Sum(i => c.Monetary[i]) / totalRevenue : 0,
            members.Length == 0 ? 0 : members.Count(i => c.Frequency[i] > 0) / (double)members.Length,
            Mean(c.Recency),
            Quantile(c.Recency, 0.5),
            Mean(c.Frequency),
            Quantile(c.Frequency, 0.9),
            Mean(c.Monetary),
            Quantile(c.Monetary, 0.5),
            Quantile(c.Monetary, 0.9),
            Mean(c.PurchaseRate),
            Mean(c.CartRate),
            ProfileColumns.PriceBands[Array.IndexOf(bands, bands.Max())],
            Top(members, i => c.TopCategory[i], members.Length, minGroupSize));
    }
}
