using System.Globalization;
using EAmazing.BusinessModels.Segmentation.Clustering;
using EAmazing.BusinessModels.Segmentation.Features;
using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Models.Business;
using EAmazing.Models.Registry;

namespace EAmazing.BusinessModels.Segmentation.Scoring;

/// <summary><c>eamazing score segments --as-of DATE</c>: the champion segmentation applied to a snapshot, written to <c>gold.customer_segments</c>.</summary>
public sealed class SegmentBatchScorer(int minGroupSize = 10) : IBatchScorer
{
    public string Name => "segments";

    public string Description => "Assign every user of a weekly snapshot to the champion segmentation's segments";

    public GoldTable Table => SegmentAssignments.Gold;

    public object? Lookup(IScratchDatabase scratch, LakeLayout lake, string pseudonym) => SegmentAssignments.Find(scratch, lake, pseudonym);

    public BatchScoreOutcome Score(BatchScoringContext context, DateOnly? asOf, IProgress<string>? progress = null)
    {
        var (lake, registry) = (context.Lake, context.Registry);
        var champion = registry.Champion(SegmentationModel.RegistryName)
            ?? throw new InvalidOperationException($"{SegmentationModel.RegistryName} has no champion: train it (eamazing train segments) and promote a version first");
        var artifact = SegmentationArtifact.Read(registry.VersionFolder(champion.Name, champion.Version));
        progress?.Report("loading user snapshots");
        var snapshot = SnapshotRows.Load(lake, artifact.Transform.Columns, asOf);
        var labels = artifact.Model().Assign(new ClusteringData(artifact.Transform.Apply(snapshot.Raw), snapshot.Profile));
        var ids = labels.Select(l => artifact.SegmentIds[l]).ToArray();
        var names = labels.Select(l => artifact.Names[l]).ToArray();
        progress?.Report($"writing {Table.ViewName}");
        var (partition, rows) = SegmentAssignments.Write(lake, snapshot.SnapshotTime, snapshot.Users, ids, names, champion.Version);
        var lines = new List<string> { $"{champion.Name} v{champion.Version} ({artifact.Family}, k = {artifact.SegmentIds.Length}) on the snapshot of {snapshot.SnapshotTime:yyyy-MM-dd}: {snapshot.Count:N0} users" };
        lines.AddRange(artifact.SegmentIds.Select((id, label) =>
        {
            var people = labels.Count(l => l == label);
            return people < minGroupSize
                ? $"segment {id} \"{artifact.Names[label]}\": <{minGroupSize} people"
                : string.Create(CultureInfo.InvariantCulture, $"segment {id} \"{artifact.Names[label]}\": {people:N0} people");
        }));
        return new BatchScoreOutcome(Table.Name, partition, rows, lines);
    }
}
