using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace EAmazing.Models.Families.MlNet;

/// <summary>Gradient-boosted trees (LightGBM through ML.NET).</summary>
public sealed class LightGbmFamily : MlNetFamily
{
    public override string Name => "lightgbm";

    public override string Description => "Gradient boosting (LightGBM)";

    protected override IReadOnlyDictionary<string, string> Default { get; } =
        new Dictionary<string, string> { ["iterations"] = "200", ["leaves"] = "31", ["rate"] = "0.05", ["minLeaf"] = "20", ["balance"] = "false" };

    protected override IReadOnlyDictionary<string, string[]> Grid { get; } = new Dictionary<string, string[]>
    {
        ["iterations"] = ["100", "200", "400"],
        ["leaves"] = ["15", "31", "63"],
        ["rate"] = ["0.02", "0.05", "0.1"],
        ["minLeaf"] = ["10", "20", "100"],
        ["balance"] = ["false", "true"],
    };

    protected override IEstimator<ITransformer> Trainer(MLContext ml, IReadOnlyDictionary<string, string> h, int seed) =>
        ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            ExampleWeightColumnName = WeightColumn,
            NumberOfIterations = Int(h, "iterations"),
            NumberOfLeaves = Int(h, "leaves"),
            LearningRate = Double(h, "rate"),
            MinimumExampleCountPerLeaf = Int(h, "minLeaf"),
            NumberOfThreads = 1,
            Seed = seed,
        });
}
