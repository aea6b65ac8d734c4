using EAmazing.Features;
using EAmazing.Lake;

namespace EAmazing.Governance.Keys;

/// <summary>
/// The free space a rotation needs before it starts. Every file it rewrites is written aside before its one commit
/// (bronze, silver, quarantine and the gold partitions that hold pseudonyms), and the mapping database and the engine's
/// spill come on top: a quarter more (four full-scale months: 20 GB rewritten beside a 4.2 GB mapping).
/// </summary>
public static class RotationDiskSpace
{
    /// <summary>Bytes the rotation of this lake needs free on the lake's volume, from the catalog's partition sizes.</summary>
    public static long Needed(IGoldEngine lake)
    {
        var layers = lake.Partitions().Sum(p => p.Bytes);
        var gold = new GoldCatalog(lake).Partitions()
            .Where(p => File.Exists(lake.Layout.Full(p.Path)) && HoldsPseudonyms(lake, lake.Layout.Full(p.Path)))
            .Sum(p => p.Bytes);
        return (layers + gold) * 5 / 4;
    }

    private static bool HoldsPseudonyms(IGoldEngine lake, string file) =>
        lake.Query($"SELECT name FROM parquet_schema('{LakeSql.Literal(file)}')").Rows.Any(r => GoldRekeyer.PseudonymColumns.Contains((string?)r[0]));
}
