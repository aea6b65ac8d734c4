using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace EAmazing.Models.Families.MlNet;

/// <summary>
/// Gradient-boosted trees (LightGBM through ML.NET). Small trees and a small learning rate, with up to
/// <c>iterations</c> rounds stopped early when the validation window's log-loss has not improved for
/// <see cref="EarlyStoppingRounds"/> rounds: on the demo world this beats fewer, larger trees on validation
/// log-loss, the score the lab selects by.
/// </summary>
public sealed class LightGbmFamily : MlNetFamily
{
    /// <summary>Rounds without a better validation log-loss before boosting stops.</summary>
    public const int EarlyStoppingRounds = 50;

    public override string Name => "lightgbm";

    public override string Description => "Gradient boosting (LightGBM)";

    protected override IReadOnlyDictionary<string, string> Default { get; } = new Dictionary<string, string>
    {
        ["iterations"] = "1000", ["leaves"] = "8", ["rate"] = "0.03", ["minLeaf"] = "100", ["featureFraction"] = "1", ["l2"] = "0", ["balance"] = "false",
    };

    protected override IReadOnlyDictionary<string, string[]> Grid { get; } = new Dictionary<string, string[]>
    {
        ["iterations"] = ["1000"],
        ["leaves"] = ["4", "8", "15", "31"],
        ["rate"] = ["0.01", "0.02", "0.03", "0.05"],
        ["minLeaf"] = ["20", "50", "100", "200"],
        ["featureFraction"] = ["0.6", "0.8", "1"],
        ["l2"] = ["0", "1", "10"],
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
            EarlyStoppingRound = EarlyStoppingRounds,
            EvaluationMetric = LightGbmBinaryTrainer.Options.EvaluateMetricType.Logloss,
            Booster = new GradientBooster.Options
            {
                FeatureFraction = Double(h, "featureFraction"),
                L2Regularization = Double(h, "l2"),
            },
            NumberOfThreads = 1,
            Seed = seed,
        });

    protected override ITransformer Fit(IEstimator<ITransformer> trainer, IDataView train, IDataView validation) =>
        ((LightGbmBinaryTrainer)trainer).Fit(train, validation);
}
