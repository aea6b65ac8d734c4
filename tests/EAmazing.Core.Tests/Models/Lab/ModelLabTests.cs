using EAmazing.Models.Data;
using EAmazing.Foundation.Statistics;
using EAmazing.Models.Families;
using EAmazing.Models.Lab;
using Microsoft.ML;

namespace EAmazing.Core.Tests.Models.Lab;

public sealed class ModelLabTests
{
    [Fact]
    public void Every_Family_Trains_On_The_Same_Temporal_Split_And_Beats_The_Prior()
    {
        var result = ModelLab.Run(new LabRequest { Task = "test", Data = SyntheticTabular.Create(), TrialsPerFamily = 2, BootstrapResamples = 50 });

        Assert.Equal(ModelFamilyCatalog.All.Select(f => f.Name), result.Families.Select(f => f.Family));
        Assert.True(result.Split.ValidFrom > result.Split.TrainFrom && result.Split.TestFrom > result.Split.ValidFrom);
        Assert.Equal(0.5, result.Families.Single(f => f.Family == "prior").Test.RocAuc.Estimate, 6);
        foreach (var family in result.Families.Where(f => !f.IsBaseline))
        {
            Assert.True(family.Test.RocAuc.Estimate > 0.65, $"{family.Family}: test AUC {family.Test.RocAuc}");
            Assert.InRange(family.Test.Threshold, 0, 1);
        }

        Assert.Empty(result.Alarms);
        Assert.Equal(4, result.Importance.Count);
        Assert.Equal("signal", result.Importance[0].Feature);
    }

    [Fact]
    public void The_Same_Request_Gives_The_Same_Metrics()
    {
        var request = new LabRequest { Task = "test", Data = SyntheticTabular.Create(seed: 2), TrialsPerFamily = 2, BootstrapResamples = 50 };

        var first = ModelLab.Run(request);
        var second = ModelLab.Run(request);

        Assert.Equal(first.Families.Select(f => f.Test.RocAuc), second.Families.Select(f => f.Test.RocAuc));
        Assert.Equal(first.Best.Family, second.Best.Family);
    }

    [Fact]
    public void A_Feature_That_Copies_The_Label_Raises_The_Leakage_Alarm()
    {
        var families = new[] { ModelFamilyCatalog.Find("prior"), ModelFamilyCatalog.Find("fasttree") };

        var result = ModelLab.Run(new LabRequest { Task = "test", Data = SyntheticTabular.Create(leaky: true), Families = families, TrialsPerFamily = 1, BootstrapResamples = 50 });

        Assert.Contains(result.Alarms, a => a.Contains("leakage", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Model_Beating_The_Oracle_Raises_An_Alarm()
    {
        var data = SyntheticTabular.Create(leaky: true);
        // An 'oracle' that knows nothing: any real model beats it, which must never happen with a true oracle.
        var oracle = data.Labels.Select((_, i) => (double?)((i * 7919 % 1000) / 1000.0)).ToArray();

        var result = ModelLab.Run(new LabRequest
        {
            Task = "test", Data = data, Families = [ModelFamilyCatalog.Find("fasttree")], TrialsPerFamily = 1, BootstrapResamples = 50, OracleProbabilities = oracle,
        });

        Assert.NotNull(result.OracleAuc);
        Assert.Contains(result.Alarms, a => a.Contains("oracle", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Window_Without_Both_Outcomes_Is_Refused_With_A_Clear_Message()
    {
        var data = SyntheticTabular.Create();
        var allNegative = new TabularDataset(data.FeatureNames, data.Features, data.Labels.Select(_ => false).ToArray(), data.AsOf);

        var error = Assert.Throws<InvalidOperationException>(() => ModelLab.Run(new LabRequest { Task = "test", Data = allNegative }));
        Assert.Contains("too little data for a temporal split", error.Message);
    }

    [Fact]
    public void Own_Metrics_Agree_With_MlNet_Evaluator()
    {
        var result = ModelLab.Run(new LabRequest { Task = "test", Data = SyntheticTabular.Create(), Families = [ModelFamilyCatalog.Find("logistic")], TrialsPerFamily = 1, BootstrapResamples = 20 });
        var scores = result.Families[0].TestScores;
        var ml = new MLContext(0);
        var view = ml.Data.LoadFromEnumerable(scores.Select(s => new Row { Label = s.Label, Score = s.Probability, Probability = s.Probability, PredictedLabel = s.Probability >= 0.5f }));

        var metrics = ml.BinaryClassification.Evaluate(view, "Label", "Score", "Probability");

        Assert.Equal(metrics.AreaUnderRocCurve, BinaryMetrics.RocAuc(scores), 4);
        Assert.Equal(metrics.LogLoss, BinaryMetrics.LogLoss(scores) / Math.Log(2), 3);
    }

    private sealed class Row
    {
        public bool Label { get; set; }
        public float Score { get; set; }
        public float Probability { get; set; }
        public bool PredictedLabel { get; set; }
    }
}
