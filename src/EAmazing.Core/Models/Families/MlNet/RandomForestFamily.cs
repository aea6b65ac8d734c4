using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace EAmazing.Models.Families.MlNet;

/// <summary>Random forest (ML.NET FastForest), calibrated with Platt scaling.</summary>
public sealed class RandomForestFamily : MlNetFamily
{
    public override string Name => "forest";

    public override string Description => "Random forest (ML.NET FastForest)";

    protected override IReadOnlyDictionary<string, string> Default { get; } =
        new Dictionary<string, string> { ["trees"] = "100", ["leaves"] = "32", ["minLeaf"] = "20", ["features"] = "0.7", ["balance"] = "false" };

    protected override IReadOnlyDictionary<string, string[]> Grid { get; } = new Dictionary<string, string[]>
    {
        ["trees"] = ["50", "100", "200"],
        ["leaves"] = ["16", "32", "64"],
        ["minLeaf"] = ["10", "20", "100"],
        ["features"] = ["0.5", "0.7", "1.0"],
        ["balance"] = ["false", "true"],
    };

    protected override IEstimator<ITransformer> Trainer(MLContext ml, IReadOnlyDictionary<string, string> h, int seed) =>
        ml.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options
        {
            ExampleWeightColumnName = WeightColumn,
            NumberOfTrees = Int(h, "trees"),
            NumberOfLeaves = Int(h, "leaves"),
            MinimumExampleCountPerLeaf = Int(h, "minLeaf"),
            NumberOfThreads = 1,
            Seed = seed,
            FeatureSelectionSeed = seed,
            FeatureFraction = Double(h, "features"),
        });
}
