using EAmazing.Models.Business;
using EAmazing.Models.Data;
using EAmazing.Models.Evaluation;
using EAmazing.Models.Families;
using EAmazing.Foundation.Statistics;
using EAmazing.Models.Registry;
using EAmazing.Models.Reporting;

namespace EAmazing.Models.Lab;

/// <summary>Stores the best model of a lab run as a registry version, with its card and the HTML report.</summary>
public static class LabRecorder
{
    /// <summary>The metric the gates compare for a classifier: ranking quality, independent of the threshold.</summary>
    public const string PrimaryMetric = "roc_auc";

    public const string LogLoss = "log_loss";

    public const string CalibrationError = "calibration_error";

    /// <summary>The names of a classifier's estimates on its card, the primary one first.</summary>
    public static IReadOnlyList<string> MetricNames { get; } = [PrimaryMetric, "pr_auc", LogLoss, CalibrationError, "f1"];

    /// <summary>A served score is read as a probability: these must not get worse than the champion's or the prior's.</summary>
    public static IReadOnlyList<string> GuardMetrics { get; } = [LogLoss, CalibrationError];

    public static IReadOnlyList<NamedEstimate> Estimates(TestMetrics test) =>
    [
        new(PrimaryMetric, test.RocAuc),
        new("pr_auc", test.PrAuc),
        new(LogLoss, test.LogLoss, HigherIsBetter: false),
        new(CalibrationError, test.CalibrationErrorInterval ?? new(test.CalibrationError, test.CalibrationError, test.CalibrationError), HigherIsBetter: false),
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
        TestMetrics? championMetrics = null;
        if (champion is not null && champion.Features.SequenceEqual(request.Data.FeatureNames))
        {
            // Gate on the same test window: re-score the current champion on this run's test rows, at its own threshold.
            var (_, _, test) = result.Split.Apply(request.Data);
            var model = TrainedModelStore.Load(registry.VersionFolder(name, champion.Version), champion);
            var scores = model.PredictProbabilities(test.Features);
            championMetrics = TestMetrics.Measure(scores.Select((s, i) => new ScoredExample(s, test.Labels[i])).ToArray(), champion.Threshold, request.Cost,
                request.BootstrapResamples, request.Seed);
        }

        var createdAt = DateTime.UtcNow;
        var header = new LabReportHeader(name, registry.NextVersion(name), createdAt, request.Seed, CodeVersion.Current, request.Cost, request.TrialsPerFamily,
            request.WallClockBudget is null ? null : "a wall-clock budget capped the search: the run is not reproducible");
        return registry.Register(
            name,
            folder =>
            {
                var file = best.Model.Save(folder);
                LabReport.Write(result, Path.Combine(folder, "report"), audit.Summary, header);
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
                CreatedAt = createdAt,
                Data = new DataWindow(result.Split.TrainFrom, result.Split.ValidFrom, result.Split.TestFrom, result.Split.TestTo,
                    result.TrainRows, result.ValidationRows, result.TestRows, result.TrainPositiveRate, sourceHashes),
                Kind = TaskKind.BinaryClassification,
                GoldInputs = goldInputs,
                Estimates = Estimates(best.Test),
                PrimaryMetric = PrimaryMetric,
                Baselines = result.Families.Where(f => f.IsBaseline).ToDictionary(f => f.Family, f => f.Test.RocAuc.Estimate),
                BaselineEstimates = result.Families.Where(f => f.IsBaseline).ToDictionary(f => f.Family, f => Estimates(f.Test)),
                GuardMetrics = GuardMetrics,
                FloorBaseline = ModelFamilyCatalog.BaselineNames[0],
                Preparation = best.Preparation,
                Calibration = best.Calibration,
                Comparison = result.Families.Select(f => new FamilySummary(f.Family, f.IsBaseline, f.Preparation, f.Calibration, f.ValidationLogLoss,
                    f.ValidationAuc, f.Test.RocAuc.Estimate, f.Test.LogLoss.Estimate, f.RawTestCalibrationError, f.Test.CalibrationError)).ToList(),
                TrialsPerFamily = request.TrialsPerFamily,
                NotReproducible = request.WallClockBudget is { } cap
                    ? $"not reproducible: a wall-clock budget of {cap} capped the search{(result.BudgetExhausted ? " and cut it short" : "")}, so how many candidates run depends on the machine's load"
                    : null,
                Families = result.Families.ToDictionary(f => f.Family, f => f.Test.RocAuc.Estimate),
                Oracle = result.OracleAuc,
                ChampionOnThisWindow = championMetrics?.RocAuc.Estimate,
                ChampionVersion = championMetrics is null ? null : champion!.Version,
                ChampionEstimates = championMetrics is null ? null : Estimates(championMetrics),
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
