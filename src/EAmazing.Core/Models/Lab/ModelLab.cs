using System.Diagnostics;
using EAmazing.Foundation.Randomness;
using EAmazing.Models.Data;
using EAmazing.Foundation.Statistics;
using EAmazing.Models.Evaluation;
using EAmazing.Models.Families;
using EAmazing.Models.Families.Calibration;
using EAmazing.Models.Families.Preparation;

namespace EAmazing.Models.Lab;

/// <summary>
/// Trains every requested family, and always the baselines, on the same temporal split: each family's inputs are
/// prepared as it declares (fitted on train), its candidates are scored on the validation window only and the one
/// with the lowest validation log-loss kept, its scores are calibrated on validation, the decision threshold is
/// chosen on validation from the business cost, and only then is the test window touched, once per family.
/// </summary>
public static class ModelLab
{
    /// <summary>Single-feature or model AUC above this on purchase data is treated as leakage until proven otherwise.</summary>
    public const double SuspiciousAuc = 0.9;

    private const int ImportanceRows = 20_000;

    public static LabResult Run(LabRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var data = request.Data;
        var split = TemporalSplit.Plan(data, request.ValidationDays, request.TestDays);
        var (train, valid, test) = split.Apply(data);
        var span = $"{data.Count:N0} rows from {data.AsOf.Min():yyyy-MM-dd HH:mm} to {data.AsOf.Max():yyyy-MM-dd HH:mm} UTC";
        RequireBothClasses(train, "training", span);
        RequireBothClasses(valid, "validation", span);
        RequireBothClasses(test, "test", span);
        var testIndexes = Enumerable.Range(0, data.Count).Where(i => data.AsOf[i] >= split.TestFrom && data.AsOf[i] < split.TestTo).ToArray();

        var clock = Stopwatch.StartNew();
        var exhausted = false;
        var results = new List<FamilyResult>();
        foreach (var family in WithBaselines(request.Families))
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report($"training {family.Name}");
            var familyClock = Stopwatch.StartNew();
            var isBaseline = ModelFamilyCatalog.BaselineNames.Contains(family.Name);

            // Fitted on the training window only; the family learns from prepared rows, the model reads raw rows.
            var preparation = family.Preparation.Fit(train);
            var (preparedTrain, preparedValid) = family.Preparation.IsRaw ? (train, valid) : (preparation.Transform(train), preparation.Transform(valid));
            ITrainedModel? best = null;
            float[]? bestValidation = null;
            var bestLoss = double.PositiveInfinity;
            var bestAuc = 0.5;
            var candidates = new List<CandidateScore>();
            foreach (var hyperparameters in family.Candidates(request.TrialsPerFamily, request.Seed))
            {
                if (best is not null && request.WallClockBudget is { } cap && clock.Elapsed > cap)
                {
                    exhausted = true;
                    break;
                }

                progress?.Report($"training {family.Name}, candidate {candidates.Count + 1} of {request.TrialsPerFamily}");
                var trained = family.Train(preparedTrain, preparedValid, hyperparameters, request.Seed);
                var model = family.Preparation.IsRaw ? trained : new PreparedModel(preparation, trained);
                var scores = model.PredictProbabilities(valid.Features);
                var scored = Scored(scores, valid.Labels);
                var loss = BinaryMetrics.LogLoss(scored);
                var auc = BinaryMetrics.RocAuc(scored);
                candidates.Add(new CandidateScore(hyperparameters, loss, double.IsNaN(auc) ? 0.5 : auc));
                if (best is null || loss < bestLoss)
                {
                    (best, bestValidation, bestLoss, bestAuc) = (model, scores, loss, candidates[^1].ValidationAuc);
                }
            }

            // Baselines stay as they are: recalibrating the prior on validation would move the floor itself.
            var (calibrator, heldOutLoss) = CalibrationChoice.Choose(bestValidation!, valid.Labels, isBaseline ? [IdentityCalibrator.Name] : null);
            var calibrated = calibrator is IdentityCalibrator ? best! : new CalibratedModel(best!, calibrator);
            var trainingTime = familyClock.Elapsed;
            var validationScores = Scored(calibrator.Apply(bestValidation!), valid.Labels);
            var threshold = request.Cost.BestThreshold(validationScores);
            var scoring = Stopwatch.StartNew();
            var rawTest = best!.PredictProbabilities(test.Features);
            var testScores = Scored(calibrator.Apply(rawTest), test.Labels);
            var scoringTime = scoring.Elapsed;
            results.Add(new FamilyResult(family.Name, family.Description, isBaseline, calibrated, candidates,
                bestAuc, heldOutLoss, calibrator.Method, preparation.Steps,
                BinaryMetrics.ExpectedCalibrationError(Scored(rawTest, test.Labels)),
                TestMetrics.Measure(testScores, threshold, request.Cost, request.BootstrapResamples, request.Seed), trainingTime, scoringTime, testScores, Scored(rawTest, test.Labels), validationScores));
        }

        var (oracleAuc, withOracle) = Oracle(request, testIndexes, test);
        if (oracleAuc is not null)
        {
            results = results.Select(r => r with { OracleRatio = BinaryMetrics.RocAuc(withOracle.Select(i => r.TestScores[i]).ToArray()) / oracleAuc.Estimate }).ToList();
        }

        var result = new LabResult(request.Task, split, train.Count, valid.Count, test.Count, train.PositiveRate, results, oracleAuc,
            [], exhausted, Alarms(results, oracleAuc));
        return result with { Importance = PermutationImportance(result.Best.Model, test, request.Seed) };
    }

    /// <summary>
    /// The requested families with every baseline in front, whatever was requested: a model is only ever judged
    /// beside its baselines, so leaving them out of <c>--families</c> cannot remove the gate.
    /// </summary>
    public static IReadOnlyList<IModelFamily> WithBaselines(IReadOnlyList<IModelFamily> requested) =>
        [.. ModelFamilyCatalog.BaselineNames.Select(ModelFamilyCatalog.Find), .. requested.Where(f => !ModelFamilyCatalog.BaselineNames.Contains(f.Name))];

    private static List<string> Alarms(IReadOnlyList<FamilyResult> results, ConfidenceInterval? oracle)
    {
        var alarms = new List<string>();
        foreach (var r in results)
        {
            if (r.Test.RocAuc.Estimate > SuspiciousAuc)
            {
                alarms.Add($"{r.Family}: test AUC {r.Test.RocAuc.Estimate:0.000} above {SuspiciousAuc}: leakage until proven otherwise");
            }

            if (oracle is not null && r.Test.RocAuc.Lower > oracle.Upper)
            {
                alarms.Add($"{r.Family}: test AUC {r.Test.RocAuc} beats the oracle {oracle}: the model sees the future");
            }
        }

        return alarms;
    }

    private static (ConfidenceInterval? Auc, int[] Rows) Oracle(LabRequest request, int[] testIndexes, TabularDataset test)
    {
        if (request.OracleProbabilities is null)
        {
            return (null, []);
        }

        var rows = Enumerable.Range(0, testIndexes.Length).Where(i => request.OracleProbabilities[testIndexes[i]] is not null).ToArray();
        if (rows.Length == 0)
        {
            return (null, []);
        }

        var scored = rows.Select(i => new ScoredExample((float)request.OracleProbabilities[testIndexes[i]]!.Value, test.Labels[i])).ToArray();
        return (Bootstrap.Interval(scored, BinaryMetrics.RocAuc, request.BootstrapResamples, request.Seed), rows);
    }

    private static IReadOnlyList<FeatureImportance> PermutationImportance(ITrainedModel model, TabularDataset test, ulong seed)
    {
        var sample = test.Count > ImportanceRows ? test.Where(i => i % (test.Count / ImportanceRows + 1) == 0) : test;
        var baseline = BinaryMetrics.RocAuc(Scored(model.PredictProbabilities(sample.Features), sample.Labels));
        var importance = new List<FeatureImportance>();
        for (var f = 0; f < sample.FeatureNames.Count; f++)
        {
            var rng = Xoshiro256.For(seed, 0x1A9, (ulong)f);
            var column = sample.Features.Select(r => r[f]).ToArray();
            for (var i = column.Length - 1; i > 0; i--)
            {
                var j = rng.NextInt(i + 1);
                (column[i], column[j]) = (column[j], column[i]);
            }

            var shuffled = sample.WithColumn(f, column);
            var auc = BinaryMetrics.RocAuc(Scored(model.PredictProbabilities(shuffled.Features), shuffled.Labels));
            importance.Add(new FeatureImportance(sample.FeatureNames[f], baseline - auc));
        }

        return importance.OrderByDescending(i => i.AucDrop).ToList();
    }

    private static ScoredExample[] Scored(float[] scores, IReadOnlyList<bool> labels) =>
        scores.Select((s, i) => new ScoredExample(s, labels[i])).ToArray();

    private static void RequireBothClasses(TabularDataset part, string name, string span)
    {
        if (part.Count == 0 || part.Labels.All(l => l) || part.Labels.All(l => !l))
        {
            throw new InvalidOperationException(
                $"too little data for a temporal split: the {name} window has {part.Count} rows and not both outcomes ({span}); "
                + "training needs several days before a validation week and a test week: ingest a longer period");
        }
    }
}
