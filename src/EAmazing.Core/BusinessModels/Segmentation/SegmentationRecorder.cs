using System.Globalization;
using EAmazing.BusinessModels.Segmentation.Features;
using EAmazing.BusinessModels.Segmentation.Reporting;
using EAmazing.BusinessModels.Segmentation.Selection;
using EAmazing.Features;
using EAmazing.Foundation.Statistics;
using EAmazing.Models.Business;
using EAmazing.Models.Registry;

namespace EAmazing.BusinessModels.Segmentation;

/// <summary>Stores the chosen segmentation as a registry version: <c>segmentation.json</c>, the card (with the column choice and the rule) and the report.</summary>
public static class SegmentationRecorder
{
    public static ModelCard Record(ModelRegistry registry, string name, SegmentationResult result, SegmentationOptions options, IReadOnlyList<string> sourceHashes, TimeSpan trainingTime)
    {
        var chosen = result.Chosen;
        var mixture = chosen.Model as Clustering.GaussianMixture;
        var artifact = new SegmentationArtifact
        {
            Family = chosen.Family,
            SnapshotTime = result.Snapshot.SnapshotTime,
            Transform = result.Transform,
            Centroids = Clustering.Distances.Centroids(result.Points, chosen.Labels, chosen.K),
            SegmentIds = result.SegmentIds,
            Names = [.. result.Profiles.Select(p => p.Name)],
            MixtureWeights = mixture?.Weights,
            MixtureMeans = mixture?.Means,
            MixtureCovariances = mixture?.JaggedCovariances(),
            MixturePrior = mixture?.Prior ?? 0,
        };
        return registry.Register(
            name,
            folder =>
            {
                artifact.Write(folder);
                SegmentationReport.Write(result, Path.Combine(folder, "report"), options.MinGroupSize);
                return SegmentationArtifact.FileName;
            },
            (version, modelFile) => new ModelCard
            {
                Name = name,
                Version = version,
                Kind = TaskKind.Clustering,
                Task = $"customer segments of the weekly snapshot of {result.Snapshot.SnapshotTime:yyyy-MM-dd}; rule: {SelectionRule.Text}",
                GoldInputs = [GoldTables.UserSnapshots.Name],
                Family = chosen.Family,
                Hyperparameters = new Dictionary<string, string>
                {
                    ["k"] = chosen.K.ToString(CultureInfo.InvariantCulture),
                    ["snapshot"] = result.Snapshot.SnapshotTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["columns"] = string.Join(",", result.Transform.Columns.Select(c => c.Name)),
                    ["transforms"] = $"{string.Join(",", result.Transform.Columns.Where(c => c.Shape == ColumnShape.Log1p).Select(c => c.Name))}: log1p; every column capped at its {SegmentColumns.CapQuantile} quantile and standardised on the training snapshot; NULL rates as 0",
                    ["k_range"] = $"{options.KMin}..{options.KMax}",
                    ["families"] = string.Join(",", options.Families.Select(f => f.Name)),
                    ["fit_sample"] = options.FitSample.ToString(CultureInfo.InvariantCulture),
                    ["stability"] = $"{options.StabilityResamples} bootstrap resamples of {options.StabilitySample} rows",
                    ["silhouette_sample"] = options.SilhouetteSample.ToString(CultureInfo.InvariantCulture),
                    ["selection_rule"] = SelectionRule.Text,
                    ["segment_ids"] = string.Join(",", result.SegmentIds),
                },
                Features = [.. result.Transform.Columns.Select(c => c.Name)],
                ModelFile = modelFile,
                CreatedAt = DateTime.UtcNow,
                Data = new DataWindow(result.Snapshot.SnapshotTime, result.Snapshot.SnapshotTime, result.Snapshot.SnapshotTime, result.Snapshot.SnapshotTime,
                    result.Snapshot.Count, 0, 0, result.Snapshot.Profile.Frequency.Count(f => f > 0) / (double)Math.Max(1, result.Snapshot.Count), sourceHashes),
                Estimates = Estimates(chosen),
                PrimaryMetric = ClusteringEvaluator.PrimaryMetric,
                Baselines = result.Candidates.Where(c => c.IsBaseline).ToDictionary(Key, c => c.MinStability),
                Families = result.Candidates.ToDictionary(Key, c => c.MinStability),
                LeakageAudit = new LeakageAuditSummary(true, "no label is learnt; every column is computed as of the snapshot time from whole days before it (gold user_snapshots)"),
                Alarms = result.Alarms,
                Seed = options.Seed,
                CodeVersion = CodeVersion.Current,
                TrainingSeconds = trainingTime.TotalSeconds,
            });
    }

    private static string Key(CandidateResult c) => $"{c.Family} k={c.K}";

    private static List<NamedEstimate> Estimates(CandidateResult chosen)
    {
        static ConfidenceInterval Point(double value) => new(value, double.NaN, double.NaN);
        var estimates = new List<NamedEstimate>
        {
            new(ClusteringEvaluator.PrimaryMetric, chosen.MinStabilityInterval ?? Point(chosen.MinStability)),
            new("silhouette", chosen.SilhouetteInterval ?? Point(chosen.Silhouette)),
            new("davies_bouldin", Point(chosen.DaviesBouldin), HigherIsBetter: false),
            new("calinski_harabasz", Point(chosen.CalinskiHarabasz)),
        };
        if (chosen.Ari is { } ari)
        {
            estimates.Add(new("adjusted_rand_personas", ari));
        }

        if (chosen.Nmi is { } nmi)
        {
            estimates.Add(new("nmi_personas", nmi));
        }

        return estimates;
    }
}
