using EAmazing.Models.Families.Baselines;
using EAmazing.Models.Families.MlNet;
using EAmazing.Models.Families.NeuralNetwork;

namespace EAmazing.Models.Families;

/// <summary>Every model family the lab knows. Adding a family means adding one class and one line here.</summary>
public static class ModelFamilyCatalog
{
    public static IReadOnlyList<IModelFamily> All { get; } =
    [
        new PriorRateFamily(),
        new OneRuleFamily(),
        new LogisticRegressionFamily(),
        new DecisionTreeFamily(),
        new RandomForestFamily(),
        new FastTreeFamily(),
        new LightGbmFamily(),
        new MlpFamily(),
    ];

    public static IReadOnlyList<string> BaselineNames { get; } = ["prior", "onerule"];

    public static IModelFamily Find(string name) =>
        TryFind(name)
        ?? throw new ArgumentException($"unknown model family '{name}'; known: {string.Join(", ", All.Select(f => f.Name))}");

    /// <summary>The family of that name (any case), or null when there is none.</summary>
    public static IModelFamily? TryFind(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
