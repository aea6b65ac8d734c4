namespace EAmazing.BusinessModels.Recommendation;

/// <summary>
/// One next-item method of the comparison: its name, whether it is a baseline (the gates race the chosen method
/// against it), the hyperparameter grid searched on the validation day (the first entry is the default), and how to
/// build an unfitted recommender from one entry of it. A method outside the default comparison (the recurrent
/// network: minutes per epoch where the others take seconds) runs when named with <c>--families</c>. A seeded method
/// (<paramref name="Seeded"/>) draws its randomness from the run's <c>--seed</c>, which <see cref="WithSeed"/> adds to
/// every grid entry tried (so the card's hyperparameters reproduce the fit); a method that is not
/// <paramref name="RefitDaily"/> is trained once, on the days before the first test day, by the daily protocol.
/// </summary>
public sealed record RecommenderMethod(
    string Name,
    bool IsBaseline,
    IReadOnlyList<IReadOnlyDictionary<string, string>> Grid,
    Func<IReadOnlyDictionary<string, string>, ISessionRecommender> Create,
    bool InDefaultComparison = true,
    bool Seeded = false,
    bool RefitDaily = true)
{
    public const string SeedSetting = "seed";

    /// <summary>The grid entry with the run's seed added (a seeded method only; others get the entry unchanged).</summary>
    public IReadOnlyDictionary<string, string> WithSeed(IReadOnlyDictionary<string, string> settings, ulong seed) =>
        Seeded ? new Dictionary<string, string>(settings) { [SeedSetting] = seed.ToString(System.Globalization.CultureInfo.InvariantCulture) } : settings;

    /// <summary>Every combination of the given values, in order (the first value of each is the default).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Combinations(params (string Name, string[] Values)[] axes)
    {
        IEnumerable<Dictionary<string, string>> all = [new Dictionary<string, string>()];
        foreach (var (name, values) in axes)
        {
            all = all.SelectMany(d => values.Select(v => new Dictionary<string, string>(d) { [name] = v })).ToList();
        }

        return all.ToList();
    }
}
