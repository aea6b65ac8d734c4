namespace EAmazing.Lake;

/// <summary>One Parquet file of the lake, as the catalog's <c>lake_partitions</c> table records it.</summary>
public sealed record LakePartition(string Layer, string PartitionKey, string Path, string? FileId, long Rows, long Bytes, string KeyId);
