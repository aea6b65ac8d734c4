using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace EAmazing.Models.Families.MlNet;

/// <summary>A single decision tree: FastTree limited to one tree (its leaf scores are Platt-calibrated).</summary>
public sealed class DecisionTreeFamily : MlNetFamily
{
    public override string Name => "tree";

    public override string Description => "Decision tree (ML.NET FastTree, one tree)";

    protected override IReadOnlyDictionary<string, string> Default { get; } =
        new Dictionary<string, string> { ["leaves"] = "16", ["minLeaf"] = "50", ["balance"] = "false" };

    protected override IReadOnlyDictionary<string, string[]> Grid { get; } = new Dictionary<string, string[]>
    {
        ["leaves"] = ["4", "8", "16", "32", "64"],
        ["minLeaf"] = ["10", "50", "200"],
        ["balance"] = ["false", "true"],
    };

    protected override IEstimator<ITransformer> Trainer(MLContext ml, IReadOnlyDictionary<string, string> h, int seed) =>
        ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            ExampleWeightColumnName = WeightColumn,
            NumberOfTrees = 1,
            LearningRate = 1,
            NumberOfLeaves = Int(h, "leaves"),
            MinimumExampleCountPerLeaf = Int(h, "minLeaf"),
            NumberOfThreads = 1,
            Seed = seed,
            FeatureSelectionSeed = seed,
        });
}
