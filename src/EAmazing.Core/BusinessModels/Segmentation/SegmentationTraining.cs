using System.Diagnostics;
using EAmazing.BusinessModels.Segmentation.Clustering;
using EAmazing.BusinessModels.Segmentation.Features;
using EAmazing.BusinessModels.Segmentation.Identity;
using EAmazing.BusinessModels.Segmentation.Profiles;
using EAmazing.BusinessModels.Segmentation.Quality;
using EAmazing.BusinessModels.Segmentation.Reporting;
using EAmazing.BusinessModels.Segmentation.Selection;
using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Privacy;

namespace EAmazing.BusinessModels.Segmentation;

/// <summary>
/// One segmentation run: load a snapshot, fit the transform, fit every family at every k on the same rows, measure
/// each (silhouette, Davies–Bouldin, Calinski–Harabasz, BIC, bootstrap stability, agreement with the world's personas),
/// choose by the printed rule, keep identities from the previous version, profile the segments and, when an earlier
/// snapshot exists, show who moved where.
/// </summary>
public static class SegmentationTraining
{
    /// <exception cref="InvalidOperationException">No snapshot, or too few users for the largest k (a data error).</exception>
    public static SegmentationResult Run(IGoldEngine lake, SegmentationOptions options, Pseudonymiser? pseudonymiser, SegmentationArtifact? previous, IProgress<string>? progress = null)
    {
        progress?.Report("loading user snapshots");
        var snapshot = SnapshotRows.Load(lake, options.Columns, options.AsOf);
        var needed = options.KMax * options.MinUsersPerSegment;
        if (snapshot.Count < needed)
        {
            throw new InvalidOperationException(
                $"the snapshot of {snapshot.SnapshotTime:yyyy-MM-dd} holds {snapshot.Count} users; k up to {options.KMax} needs at least {needed} ({options.MinUsersPerSegment} per segment): lower --k or choose a later --as-of");
        }

        var earlier = EarlierSnapshot(lake, options, snapshot.SnapshotTime);
        var transform = FeatureTransform.Fit(options.Columns, snapshot.Raw);
        var all = new ClusteringData(transform.Apply(snapshot.Raw), snapshot.Profile);
        // The raw columns are not read past the transform (four full-scale months: 7.0M users x 12 columns, 0.8 GB).
        snapshot = snapshot with { Raw = [] };
        var fit = all.Subset(WardFamily.Sample(all.Count, options.FitSample, options.Seed));
        var stability = all.Subset(WardFamily.Sample(all.Count, options.StabilitySample, options.Seed + 1));
        var silhouetteRows = WardFamily.Sample(all.Count, options.SilhouetteSample, options.Seed + 2);
        var silhouettePoints = silhouetteRows.Select(i => all.Points[i]).ToArray();

        int[]? truth = null;
        int[] withTruth = [];
        IReadOnlyList<string> personas = [];
        if (options.TruthFolder is not null && pseudonymiser is not null && File.Exists(Path.Combine(options.TruthFolder, Sources.Synthetic.Truth.TruthFiles.Users)))
        {
            progress?.Report("matching the world's personas");
            (truth, personas) = TruePersonas.For(options.TruthFolder, pseudonymiser, snapshot.Users);
            withTruth = [.. Enumerable.Range(0, truth.Length).Where(i => truth[i] >= 0)];
        }

        var candidates = new List<CandidateResult>();
        foreach (var family in options.Families)
        {
            foreach (var k in family.FixedK is { } fixedK ? [fixedK] : options.Ks)
            {
                progress?.Report($"{family.Name}, k = {k}");
                candidates.Add(Measure(family, k, all, fit, stability, silhouetteRows, silhouettePoints, truth, withTruth, options));
            }
        }

        var (chosen, trusted) = SelectionRule.Choose(candidates);
        var alarms = new List<string>();
        if (!trusted)
        {
            alarms.Add($"no candidate has every segment stable (mean Jaccard >= {BootstrapStability.Trusted}); the most stable, {chosen.Family} k = {chosen.K}, is recorded but should not be trusted");
        }

        var centroids = Distances.Centroids(all.Points, chosen.Labels, chosen.K);
        var ids = SegmentIdentity.Match(centroids, transform, previous);
        progress?.Report("profiling the segments (top brands from silver)");
        var brands = TopBrands.Before(lake, snapshot.SnapshotTime);
        var profiles = SegmentProfiler.Profile(snapshot.Profile, chosen.Labels, ids, [.. snapshot.Users.Select(u => brands.GetValueOrDefault(u))], options.MinGroupSize);
        var migration = Migrate(lake, options, earlier, transform, chosen, ids, snapshot);
        return new SegmentationResult(snapshot, transform, candidates, chosen, trusted, ids, profiles, migration, withTruth.Length, personas,
            all.Points, silhouetteRows, Projection.TwoDimensions(silhouettePoints), alarms);
    }

    private static CandidateResult Measure(IClusteringFamily family, int k, ClusteringData all, ClusteringData fit, ClusteringData stability,
        int[] silhouetteRows, double[][] silhouettePoints, int[]? truth, int[] withTruth, SegmentationOptions options)
    {
        var clock = Stopwatch.StartNew();
        var model = family.Fit(fit, k, options.Seed);
        var labels = model.Assign(all);
        clock.Stop();
        var refits = BootstrapStability.Resampled(family, stability, family.Fit(stability, k, options.Seed).Assign(stability), k, options.StabilityResamples, options.Seed);
        Foundation.Statistics.ConfidenceInterval? ari = null, nmi = null;
        if (truth is not null && withTruth.Length > 1)
        {
            var segments = withTruth.Select(i => labels[i]).ToArray();
            var personas = withTruth.Select(i => truth[i]).ToArray();
            var intervals = AgreementInterval.Of(segments, personas, [PartitionAgreement.AdjustedRand, PartitionAgreement.NormalisedMutualInformation], options.AgreementResamples, options.Seed);
            (ari, nmi) = (intervals[0], intervals[1]);
        }

        var silhouettes = InternalQuality.SilhouetteValues(silhouettePoints, [.. silhouetteRows.Select(i => labels[i])]);
        return new CandidateResult(model, family.IsBaseline, labels,
            silhouettes is null ? double.NaN : silhouettes.Average(),
            InternalQuality.DaviesBouldin(all.Points, labels),
            InternalQuality.CalinskiHarabasz(all.Points, labels),
            BootstrapStability.Means(refits, k), ari, nmi, clock.Elapsed)
        {
            SilhouetteInterval = silhouettes is null ? null : MeanInterval(silhouettes, options.AgreementResamples, options.Seed),
            MinStabilityInterval = BootstrapStability.MinInterval(refits, k, options.AgreementResamples, options.Seed),
        };
    }

    /// <summary>Percentile bootstrap interval of a mean (the per-row silhouettes of the fixed sample resampled; their distances are not recomputed).</summary>
    private static Foundation.Statistics.ConfidenceInterval MeanInterval(double[] values, int resamples, ulong seed)
    {
        var rng = Foundation.Randomness.Xoshiro256.For(seed, 0x5147);
        var means = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            double sum = 0;
            for (var i = 0; i < values.Length; i++)
            {
                sum += values[rng.NextInt(values.Length)];
            }

            means[r] = sum / values.Length;
        }

        return AgreementInterval.Percentile(values.Average(), means);
    }

    /// <summary>The snapshot the migration compares with: the latest at or before --migration-from, else the one before the training snapshot.</summary>
    /// <exception cref="InvalidOperationException">--migration-from names no snapshot earlier than the training one (checked before any fitting).</exception>
    private static DateTime? EarlierSnapshot(IGoldEngine lake, SegmentationOptions options, DateTime training)
    {
        var view = GoldTables.UserSnapshots.ViewName;
        var bound = options.MigrationFrom is { } from ? $"TIMESTAMP '{from.AddDays(1):yyyy-MM-dd}'" : $"TIMESTAMP '{training:yyyy-MM-dd HH:mm:ss}'";
        var earlier = lake.Query($"SELECT max(as_of_time) FROM {view} WHERE as_of_time < {bound}").Rows[0][0] as DateTime?;
        if (options.MigrationFrom is { } asked && (earlier is null || earlier >= training))
        {
            throw new InvalidOperationException(
                $"--migration-from {asked:yyyy-MM-dd}: {(earlier is null ? "no snapshot at or before it" : $"its snapshot {earlier:yyyy-MM-dd}")} is not earlier than the training snapshot {training:yyyy-MM-dd}");
        }

        return earlier;
    }

    /// <summary>The chosen model applied to the earlier snapshot (same transform): who moved where.</summary>
    private static MigrationMatrix? Migrate(IGoldEngine lake, SegmentationOptions options, DateTime? earlier, FeatureTransform transform, CandidateResult chosen, int[] ids, SnapshotRows snapshot)
    {
        if (chosen.IsBaseline || earlier is null)
        {
            return null;
        }

        var before = SnapshotRows.Load(lake, options.Columns, DateOnly.FromDateTime(earlier.Value));
        var labelsBefore = chosen.Model.Assign(new ClusteringData(transform.Apply(before.Raw), before.Profile));
        return MigrationMatrix.Between(before.SnapshotTime, snapshot.SnapshotTime, before.Users, [.. labelsBefore.Select(l => ids[l])],
            snapshot.Users, [.. chosen.Labels.Select(l => ids[l])], [.. ids.Order()]);
    }
}
