using EAmazing.Models.Families.Preparation;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace EAmazing.Models.Families.MlNet;

/// <summary>Logistic regression trained with SDCA on standardised features (with missing indicators and log1p of heavy tails).</summary>
public sealed class LogisticRegressionFamily : MlNetFamily
{
    public override string Name => "logistic";

    public override string Description => "Logistic regression (ML.NET SDCA)";

    public override FeaturePreparation Preparation => FeaturePreparation.ForGradientLearners;

    protected override IReadOnlyDictionary<string, string> Default { get; } =
        new Dictionary<string, string> { ["l2"] = "0.01", ["iterations"] = "50", ["balance"] = "false" };

    protected override IReadOnlyDictionary<string, string[]> Grid { get; } = new Dictionary<string, string[]>
    {
        ["l2"] = ["0.0001", "0.001", "0.01", "0.1", "1"],
        ["iterations"] = ["20", "50", "100"],
        ["balance"] = ["false", "true"],
    };

    protected override IEstimator<ITransformer> Trainer(MLContext ml, IReadOnlyDictionary<string, string> h, int seed) =>
        ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
        {
            ExampleWeightColumnName = WeightColumn,
            L2Regularization = (float)Double(h, "l2"),
            MaximumNumberOfIterations = Int(h, "iterations"),
            NumberOfThreads = 1, // SDCA is only reproducible single-threaded (its shuffling comes from the MLContext seed)
        });
}
