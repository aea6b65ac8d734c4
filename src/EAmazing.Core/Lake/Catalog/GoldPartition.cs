namespace EAmazing.Lake.Catalog;

/// <summary>One gold partition (a table's month) as the catalog's <c>gold_partitions</c> table records it.</summary>
public sealed record GoldPartition(string Table, string Month, string Path, long Rows, long Bytes, string Inputs, string Fingerprint, DateTime BuiltAt, long BuildMs);
