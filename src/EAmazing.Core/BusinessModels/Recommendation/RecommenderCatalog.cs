using System.Globalization;
using EAmazing.BusinessModels.Recommendation.Methods;
using EAmazing.BusinessModels.Recommendation.Neural;

namespace EAmazing.BusinessModels.Recommendation;

/// <summary>
/// Every next-item method <c>train recommender</c> compares. Adding one (the recurrent network of <c>Neural/</c>, say)
/// is one line in <see cref="All"/>: its grid and how to build it from one grid entry.
/// </summary>
public static class RecommenderCatalog
{
    public static IReadOnlyList<RecommenderMethod> All { get; } =
    [
        new(PopularityRecommender.MethodName, true, [new Dictionary<string, string>()], _ => new PopularityRecommender()),
        new(TrailingDayPopularityRecommender.MethodName, true, RecommenderMethod.Combinations(("hours", ["24", "6", "72"])),
            h => new TrailingDayPopularityRecommender(Number(h, "hours"))),
        new(CoVisitationRecommender.MethodName, false,
            RecommenderMethod.Combinations(("window", ["5", "2", "10"]), ("time_scale_s", ["600", "120", "3600"]), ("cart_weight", ["3", "1"])),
            h => new CoVisitationRecommender(Whole(h, "window"), Number(h, "time_scale_s"), (float)Number(h, "cart_weight"), 2 * (float)Number(h, "cart_weight"))),
        new(SequentialRulesRecommender.MethodName, false, RecommenderMethod.Combinations(("steps", ["10", "1", "3", "5"])),
            h => new SequentialRulesRecommender(Whole(h, "steps"))),
        new(VSkNNRecommender.MethodName, false, RecommenderMethod.Combinations(("k", ["100", "50", "200"]), ("sample", ["1000", "500", "2500"])),
            h => new VSkNNRecommender(Whole(h, "k"), Whole(h, "sample"))),
        new(StanRecommender.MethodName, false,
            RecommenderMethod.Combinations(("k", ["100", "200"]), ("lambda_position", ["2", "1", "4"]), ("lambda_time_s", ["604800", "86400"]), ("lambda_neighbour", ["2", "1", "4"])),
            h => new StanRecommender(Whole(h, "k"), 1000, Number(h, "lambda_position"), Number(h, "lambda_time_s"), Number(h, "lambda_neighbour"))),
        // The recurrent network: seeded by the run's --seed (added to each grid entry), outside the default comparison for its
        // training time, and trained once (not per day) by the daily protocol.
        new("gru4rec", false,
            RecommenderMethod.Combinations(("hidden", ["100", "200"]), ("epochs", ["3", "5"]), ("learning_rate", ["0.05", "0.1"])),
            h => new Gru4RecRecommender(new Gru4RecOptions { HiddenSize = Whole(h, "hidden"), Epochs = Whole(h, "epochs"), LearningRate = Number(h, "learning_rate"), Seed = Seed(h) }),
            InDefaultComparison: false, Seeded: true, RefitDaily: false),
    ];

    public static IReadOnlyList<string> Names => All.Select(m => m.Name).ToList();

    /// <exception cref="ArgumentException">No method has that name.</exception>
    public static RecommenderMethod Find(string name) => All.FirstOrDefault(m => m.Name == name)
        ?? throw new ArgumentException($"no recommendation method '{name}'; known: {string.Join(", ", Names)}");

    private static double Number(IReadOnlyDictionary<string, string> h, string name) => double.Parse(h[name], CultureInfo.InvariantCulture);

    private static ulong Seed(IReadOnlyDictionary<string, string> h) =>
        h.TryGetValue(RecommenderMethod.SeedSetting, out var text) && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw new ArgumentException($"a seeded method needs a whole '{RecommenderMethod.SeedSetting}' setting (the run's --seed, added by RecommenderMethod.WithSeed)");

    private static int Whole(IReadOnlyDictionary<string, string> h, string name) => int.Parse(h[name], CultureInfo.InvariantCulture);
}
