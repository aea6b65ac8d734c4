using EAmazing.Features;
using EAmazing.Lake;

namespace EAmazing.Governance.Keys;

/// <summary>
/// The free space a rotation needs before it starts. It writes one month's bronze, silver and quarantine files aside
/// before that month's commit, then one gold partition holding pseudonyms before its own: the larger of the two, a
/// quarter more for the engine's spill. The mapping database comes on top: every user's and session's old and new
/// pseudonym, measured at 4.2 GB for four full-scale months' 233.5M events (about 18 bytes an event, counted here from
/// bronze's rows).
/// </summary>
public static class RotationDiskSpace
{
    public const long MappingBytesPerEvent = 18;

    /// <summary>Bytes the rotation of this lake needs free on the lake's volume, from the catalog's partition sizes.</summary>
    public static long Needed(IGoldEngine lake)
    {
        var partitions = lake.Partitions();
        var month = partitions.GroupBy(p => p.PartitionKey).Select(m => m.Sum(p => p.Bytes)).DefaultIfEmpty(0).Max();
        var gold = new GoldCatalog(lake).Partitions()
            .Where(p => File.Exists(lake.Layout.Full(p.Path)) && HoldsPseudonyms(lake, lake.Layout.Full(p.Path)))
            .Select(p => p.Bytes).DefaultIfEmpty(0).Max();
        var mapping = partitions.Where(p => p.Layer == LakeLayer.Bronze).Sum(p => p.Rows) * MappingBytesPerEvent;
        return Math.Max(month, gold) * 5 / 4 + mapping;
    }

    private static bool HoldsPseudonyms(IGoldEngine lake, string file) =>
        lake.Query($"SELECT name FROM parquet_schema('{LakeSql.Literal(file)}')").Rows.Any(r => GoldRekeyer.PseudonymColumns.Contains((string?)r[0]));
}
