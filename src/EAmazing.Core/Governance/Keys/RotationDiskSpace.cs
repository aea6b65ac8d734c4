using EAmazing.Features;
using EAmazing.Lake;

namespace EAmazing.Governance.Keys;

/// <summary>
/// The free space a rotation needs before it starts. It writes one month's bronze, silver and quarantine files aside
/// before that month's commit, staging beside them either a bronze file twice when it is cut into slices (joined, then
/// sorted back into order a slice at a time; see <see cref="LakeRekeyer"/>) or the month's silver once (split by the new
/// pseudonym's first digit); then one gold partition holding pseudonyms before its own: the larger of the two, a quarter
/// more for the engine's spill. The mapping database comes on top: every user's and session's old and new
/// pseudonym, counted here from bronze's rows at its peak, while the pairs read from the files are made distinct: seven
/// full-scale months (411.7M events, 12.8M users, 90.0M sessions) 10.4 GB then, 7.6 GB kept (25 and 18.6 bytes an event).
/// </summary>
public static class RotationDiskSpace
{
    public const long MappingBytesPerEvent = 25;

    /// <summary>Bytes the rotation of this lake needs free on the lake's volume, from the catalog's partition sizes.</summary>
    public static long Needed(IGoldEngine lake, long sliceRows = LakeRekeyer.DefaultSliceRows)
    {
        var partitions = lake.Partitions();
        var month = partitions.GroupBy(p => p.PartitionKey)
            .Select(m => m.Sum(p => p.Bytes) + Math.Max(
                2 * m.Where(p => p.Layer is LakeLayer.Bronze or LakeLayer.Quarantine && p.Rows > sliceRows).Select(p => p.Bytes).DefaultIfEmpty(0).Max(),
                m.Where(p => p.Layer == LakeLayer.Silver).Sum(p => p.Bytes)))
            .DefaultIfEmpty(0).Max();
        var gold = new GoldCatalog(lake).Partitions()
            .Where(p => File.Exists(lake.Layout.Full(p.Path)) && HoldsPseudonyms(lake, lake.Layout.Full(p.Path)))
            .Select(p => p.Bytes).DefaultIfEmpty(0).Max();
        var mapping = partitions.Where(p => p.Layer == LakeLayer.Bronze).Sum(p => p.Rows) * MappingBytesPerEvent;
        return Math.Max(month, gold) * 5 / 4 + mapping;
    }

    private static bool HoldsPseudonyms(IGoldEngine lake, string file) =>
        lake.Query($"SELECT name FROM parquet_schema('{LakeSql.Literal(file)}')").Rows.Any(r => GoldRekeyer.PseudonymColumns.Contains((string?)r[0]));
}
