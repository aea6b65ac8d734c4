using EAmazing.Models.Business;
using EAmazing.Models.Data;
using EAmazing.Models.Evaluation;
using EAmazing.Foundation.Statistics;
using EAmazing.Models.Registry;
using EAmazing.Models.Reporting;

namespace EAmazing.Models.Lab;

/// <summary>Stores the best model of a lab run as a registry version, with its card and the HTML report.</summary>
public static class LabRecorder
{
    /// <summary>The metric the gates compare for a classifier: ranking quality, independent of the threshold.</summary>
    public const string PrimaryMetric = "roc_auc";

    /// <summary>The names of a classifier's estimates on its card, the primary one first.</summary>
    public static IReadOnlyList<string> MetricNames { get; } = [PrimaryMetric, "pr_auc", "log_loss", "f1"];

    public static IReadOnlyList<NamedEstimate> Estimates(TestMetrics test) =>
    [
        new(PrimaryMetric, test.RocAuc),
        new("pr_auc", test.PrAuc),
        new("log_loss", test.LogLoss, HigherIsBetter: false),
        new("f1", test.F1),
    ];

    public static ModelCard Record(
        ModelRegistry registry,
        string name,
        LabRequest request,
        LabResult result,
        LeakageAuditSummary audit,
        IReadOnlyList<string> goldInputs,
        IReadOnlyList<string> sourceHashes,
        TimeSpan trainingTime)
    {
        var best = result.Best;
        var champion = registry.Champion(name);
        double? championAuc = null;
        if (champion is not null && champion.Features.SequenceEqual(request.Data.FeatureNames))
        {
            // Gate on the same test window: re-score the current champion on this run's test rows.
            var (_, _, test) = result.Split.Apply(request.Data);
            var model = TrainedModelStore.Load(registry.VersionFolder(name, champion.Version), champion);
            var scores = model.PredictProbabilities(test.Features);
            championAuc = BinaryMetrics.RocAuc(scores.Select((s, i) => new ScoredExample(s, test.Labels[i])).ToArray());
        }

        return registry.Register(
            name,
            folder =>
            {
                var file = best.Model.Save(folder);
                LabReport.Write(result, Path.Combine(folder, "report"), audit.Summary);
                return file;
            },
            (version, modelFile) => new ModelCard
            {
                Name = name,
                Version = version,
                Task = request.Task,
                Family = best.Family,
                Hyperparameters = best.Model.Hyperparameters,
                Features = request.Data.FeatureNames,
                ModelFile = modelFile,
                CreatedAt = DateTime.UtcNow,
                Data = new DataWindow(result.Split.TrainFrom, result.Split.ValidFrom, result.Split.TestFrom, result.Split.TestTo,
                    result.TrainRows, result.ValidationRows, result.TestRows, result.TrainPositiveRate, sourceHashes),
                Kind = TaskKind.BinaryClassification,
                GoldInputs = goldInputs,
                Estimates = Estimates(best.Test),
                PrimaryMetric = PrimaryMetric,
                Baselines = result.Families.Where(f => f.IsBaseline).ToDictionary(f => f.Family, f => f.Test.RocAuc.Estimate),
                Families = result.Families.ToDictionary(f => f.Family, f => f.Test.RocAuc.Estimate),
                Oracle = result.OracleAuc,
                ChampionOnThisWindow = championAuc,
                Metrics = best.Test,
                Cost = request.Cost,
                LeakageAudit = audit,
                Alarms = result.Alarms,
                Seed = request.Seed,
                CodeVersion = CodeVersion.Current,
                TrainingSeconds = trainingTime.TotalSeconds,
            });
    }
}
