using EAmazing.Models.Families.Preparation;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace EAmazing.Models.Families.MlNet;

/// <summary>
/// Logistic regression fitted by L-BFGS (to convergence, deterministic on one thread) on standardised features with
/// missing indicators and log1p of heavy tails. SDCA, used before, stopped after a fixed number of passes short of the
/// optimum and needed its thread count pinned to repeat itself.
/// </summary>
public sealed class LogisticRegressionFamily : MlNetFamily
{
    public override string Name => "logistic";

    public override string Description => "Logistic regression (ML.NET L-BFGS)";

    public override FeaturePreparation Preparation => FeaturePreparation.ForGradientLearners;

    protected override IReadOnlyDictionary<string, string> Default { get; } =
        new Dictionary<string, string> { ["l2"] = "1", ["l1"] = "0", ["balance"] = "false" };

    protected override IReadOnlyDictionary<string, string[]> Grid { get; } = new Dictionary<string, string[]>
    {
        ["l2"] = ["0.01", "0.1", "1", "10", "100"],
        ["l1"] = ["0", "0.1", "1"],
        ["balance"] = ["false", "true"],
    };

    protected override IEstimator<ITransformer> Trainer(MLContext ml, IReadOnlyDictionary<string, string> h, int seed) =>
        ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            ExampleWeightColumnName = WeightColumn,
            L2Regularization = (float)Double(h, "l2"),
            L1Regularization = (float)Double(h, "l1"),
            OptimizationTolerance = 1e-7f,
            NumberOfThreads = 1,
        });
}
