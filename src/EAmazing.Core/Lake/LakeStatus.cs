
namespace EAmazing.Lake;

/// <summary>The lake at a glance: its layers, partitions and ingested files, from the catalog.</summary>
public sealed record LakeStatus(string Root, IReadOnlyList<LayerStatus> Layers, IReadOnlyList<LakePartition> Partitions, IReadOnlyList<IngestedFile> Files)
{
    public static LakeStatus Of(ILakeEngine lake)
    {
        var partitions = lake.Partitions();
        var layers = LakeLayer.All.Select(layer =>
        {
            var inLayer = partitions.Where(p => p.Layer == layer).ToList();
            return new LayerStatus(layer, inLayer.Select(p => p.PartitionKey).Distinct().Count(), inLayer.Count, inLayer.Sum(p => p.Rows), inLayer.Sum(p => p.Bytes));
        }).ToList();
        return new LakeStatus(lake.Layout.Root, layers, partitions, lake.IngestedFiles());
    }
}
