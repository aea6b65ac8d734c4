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
    private static readonly string[] PseudonymColumns = ["user_id", "session_key", "session_id"];

    /// <summary>Bytes the rotation of this lake needs free on the lake's volume.</summary>
    public static long Needed(IGoldEngine lake)
    {
        var layers = LakeLayer.All.Select(lake.Layout.Full).Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories))
            .Sum(file => new FileInfo(file).Length);
        var gold = new GoldCatalog(lake).Partitions().Select(p => lake.Layout.Full(p.Path)).Where(File.Exists)
            .Where(file => HoldsPseudonyms(lake, file)).Sum(file => new FileInfo(file).Length);
        return (layers + gold) * 5 / 4;
    }

    private static bool HoldsPseudonyms(IGoldEngine lake, string file) =>
        lake.Query($"SELECT name FROM parquet_schema('{LakeSql.Literal(file)}')").Rows.Any(r => PseudonymColumns.Contains((string?)r[0]));
}
