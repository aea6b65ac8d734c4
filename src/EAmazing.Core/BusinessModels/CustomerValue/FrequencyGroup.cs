namespace EAmazing.BusinessModels.CustomerValue;

/// <summary>
/// Customers with the same number of repeat purchases in calibration (the last group holds all from <see cref="Last"/>
/// up): mean actual holdout purchases beside each method's mean prediction, the classic BG/NBD check.
/// </summary>
public sealed record FrequencyGroup(string Label, int Customers, double Actual, IReadOnlyDictionary<string, double> Predicted)
{
    public const int Last = 7;

    public static IReadOnlyList<FrequencyGroup> Of(IReadOnlyList<int> frequencies, IReadOnlyList<int> actual, IReadOnlyDictionary<string, IReadOnlyList<double>> methods) =>
        Enumerable.Range(0, Last + 1)
            .Select(g => (Group: g, Members: Enumerable.Range(0, frequencies.Count).Where(i => Math.Min(frequencies[i], Last) == g).ToList()))
            .Where(g => g.Members.Count > 0)
            .Select(g => new FrequencyGroup(
                g.Group == Last ? $"{Last}+" : g.Group.ToString(System.Globalization.CultureInfo.InvariantCulture),
                g.Members.Count,
                g.Members.Average(i => actual[i]),
                methods.ToDictionary(m => m.Key, m => g.Members.Average(i => m.Value[i]))))
            .ToList();
}
