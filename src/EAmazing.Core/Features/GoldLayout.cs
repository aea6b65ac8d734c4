namespace EAmazing.Features;

/// <summary>Where gold partitions live under the lake root: <c>gold/&lt;table&gt;/month=YYYY-MM/&lt;table&gt;.parquet</c>.</summary>
public static class GoldLayout
{
    public const string Folder = "gold";

    public static string Partition(string table, string month) => $"{Folder}/{table}/month={month}/{table}.parquet";
}
