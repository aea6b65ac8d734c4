using EAmazing.Models.Data;
using EAmazing.Models.Families;
using EAmazing.Models.Families.Preparation;
using EAmazing.Models.Lab;

namespace EAmazing.Core.Tests.Models.Lab;

/// <summary>What the lab chooses on validation: candidates by log-loss, calibration per family, baselines always.</summary>
public sealed class SelectionTests
{
    [Fact]
    public void A_Class_Weighted_Candidate_With_The_Better_AUC_But_A_Worse_Log_Loss_Is_Not_Selected()
    {
        var result = ModelLab.Run(new LabRequest { Task = "test", Data = SyntheticTabular.Create(), Families = [new WeightedOrPlainFamily()], TrialsPerFamily = 2, BootstrapResamples = 20 });

        var family = result.Families.Single(f => f.Family == WeightedOrPlainFamily.FamilyName);
        var weighted = family.Candidates.Single(c => c.Hyperparameters["balance"] == "true");
        var plain = family.Candidates.Single(c => c.Hyperparameters["balance"] == "false");
        Assert.True(weighted.ValidationAuc > plain.ValidationAuc + 0.01, $"weighted AUC {weighted.ValidationAuc:0.000}, plain {plain.ValidationAuc:0.000}");
        Assert.True(weighted.ValidationLogLoss > plain.ValidationLogLoss, $"weighted log-loss {weighted.ValidationLogLoss:0.000}, plain {plain.ValidationLogLoss:0.000}");
        Assert.Equal("false", family.Model.Hyperparameters["balance"]);
    }

    [Fact]
    public void Shifted_Scores_Are_Calibrated_On_Validation_And_The_Test_Calibration_Error_Falls()
    {
        var family = new WeightedOrPlainFamily { OnlyWeighted = true };

        var result = ModelLab.Run(new LabRequest { Task = "test", Data = SyntheticTabular.Create(), Families = [family], TrialsPerFamily = 1, BootstrapResamples = 20 });

        var shifted = result.Families.Single(f => f.Family == WeightedOrPlainFamily.FamilyName);
        Assert.NotEqual("none", shifted.Calibration);
        Assert.True(shifted.RawTestCalibrationError > 0.2, $"raw ECE {shifted.RawTestCalibrationError:0.000}");
        Assert.True(shifted.Test.CalibrationError < 0.1, $"calibrated ECE {shifted.Test.CalibrationError:0.000}");
    }

    [Fact]
    public void The_Baselines_Are_Trained_Even_When_The_Families_Leave_Them_Out()
    {
        var result = ModelLab.Run(new LabRequest { Task = "test", Data = SyntheticTabular.Create(), Families = [ModelFamilyCatalog.Find("tree")], TrialsPerFamily = 1, BootstrapResamples = 20 });

        Assert.Equal(["prior", "onerule", "tree"], result.Families.Select(f => f.Family));
        Assert.Equal("tree", result.Best.Family);
    }

    /// <summary>
    /// A family with two candidates: "balance=true" scores with the true logit but squeezed into [0.6, 1] (ranks
    /// best, probabilities far too high, as class weighting does); "balance=false" is calibrated but misses the
    /// interaction term and adds noise.
    /// </summary>
    private sealed class WeightedOrPlainFamily : IModelFamily
    {
        public const string FamilyName = "weighted-or-plain";

        public bool OnlyWeighted { get; init; }

        public string Name => FamilyName;

        public string Description => "test family";

        public FeaturePreparation Preparation => FeaturePreparation.Raw;

        public IReadOnlyList<IReadOnlyDictionary<string, string>> Candidates(int maxTrials, ulong seed) =>
            OnlyWeighted
                ? [new Dictionary<string, string> { ["balance"] = "true" }]
                : [new Dictionary<string, string> { ["balance"] = "true" }, new Dictionary<string, string> { ["balance"] = "false" }];

        public ITrainedModel Train(TabularDataset train, TabularDataset valid, IReadOnlyDictionary<string, string> hyperparameters, ulong seed) =>
            new Scorer(hyperparameters);

        public ITrainedModel Load(string folder, string modelFile, int featureCount, IReadOnlyDictionary<string, string> hyperparameters) => new Scorer(hyperparameters);

        private sealed class Scorer(IReadOnlyDictionary<string, string> hyperparameters) : ITrainedModel
        {
            public string Family => FamilyName;

            public IReadOnlyDictionary<string, string> Hyperparameters { get; } = hyperparameters;

            public float[] PredictProbabilities(IReadOnlyList<float[]> rows) => rows.Select(PredictOne).ToArray();

            public float PredictOne(float[] row) => Hyperparameters["balance"] == "true"
                ? (float)(0.6 + (0.4 * Sigmoid(-0.8 + (1.5 * row[0]) + (1.2 * row[1] * row[2]))))
                : (float)Sigmoid(-1.8 + (1.5 * row[0]) + (2 * (float.IsNaN(row[3]) ? 0.5 : row[3])));

            public string Save(string directory) => "none";

            private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
        }
    }
}
