using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace EAmazing.Models.Families.MlNet;

/// <summary>
/// Gradient-boosted trees (ML.NET FastTree, MART). The default is many small trees at a small learning rate with
/// large leaves (at least 100 rows): on the demo world it has a lower validation log-loss than 100 trees of 20
/// leaves at 0.1, the score the lab selects by.
/// </summary>
public sealed class FastTreeFamily : MlNetFamily
{
    public override string Name => "fasttree";

    public override string Description => "Gradient boosting (ML.NET FastTree)";

    protected override IReadOnlyDictionary<string, string> Default { get; } =
        new Dictionary<string, string> { ["trees"] = "400", ["leaves"] = "8", ["rate"] = "0.03", ["minLeaf"] = "100", ["featureFraction"] = "1", ["balance"] = "false" };

    protected override IReadOnlyDictionary<string, string[]> Grid { get; } = new Dictionary<string, string[]>
    {
        ["trees"] = ["200", "400", "800"],
        ["leaves"] = ["4", "8", "16", "31"],
        ["rate"] = ["0.01", "0.02", "0.03", "0.05"],
        ["minLeaf"] = ["20", "50", "100", "200"],
        ["featureFraction"] = ["0.6", "0.8", "1"],
        ["balance"] = ["false", "true"],
    };

    protected override IEstimator<ITransformer> Trainer(MLContext ml, IReadOnlyDictionary<string, string> h, int seed) =>
        ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            ExampleWeightColumnName = WeightColumn,
            NumberOfTrees = Int(h, "trees"),
            NumberOfLeaves = Int(h, "leaves"),
            LearningRate = Double(h, "rate"),
            MinimumExampleCountPerLeaf = Int(h, "minLeaf"),
            FeatureFraction = Double(h, "featureFraction"),
            NumberOfThreads = 1,
            Seed = seed,
            FeatureSelectionSeed = seed,
        });
}
