using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace EAmazing.Models.Families.MlNet;

/// <summary>Gradient-boosted trees (ML.NET FastTree, MART).</summary>
public sealed class FastTreeFamily : MlNetFamily
{
    public override string Name => "fasttree";

    public override string Description => "Gradient boosting (ML.NET FastTree)";

    protected override IReadOnlyDictionary<string, string> Default { get; } =
        new Dictionary<string, string> { ["trees"] = "100", ["leaves"] = "20", ["rate"] = "0.1", ["minLeaf"] = "20", ["balance"] = "false" };

    protected override IReadOnlyDictionary<string, string[]> Grid { get; } = new Dictionary<string, string[]>
    {
        ["trees"] = ["50", "100", "300"],
        ["leaves"] = ["8", "20", "48"],
        ["rate"] = ["0.03", "0.1", "0.2"],
        ["minLeaf"] = ["10", "20", "100"],
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
            NumberOfThreads = 1,
            Seed = seed,
            FeatureSelectionSeed = seed,
        });
}
