using EAmazing.Lake;

namespace EAmazing.Features;

/// <summary>Where gold partitions live under the lake root: <c>gold/&lt;table&gt;/month=YYYY-MM/&lt;table&gt;.parquet</c>.</summary>
public static class GoldLayout
{
    public const string Folder = "gold";

    public static string Partition(string table, string month) => $"{Folder}/{table}/month={month}/{table}.parquet";

    /// <summary>The table's Parquet files on disk, in path order, read off the catalog (as the API reads, so it never locks the lake).</summary>
    public static IReadOnlyList<string> Files(LakeLayout lake, string table)
    {
        var folder = lake.Full($"{Folder}/{table}");
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList() : [];
    }
}
