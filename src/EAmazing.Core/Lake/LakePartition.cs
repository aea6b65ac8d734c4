namespace EAmazing.Lake;

/// <summary>
/// One Parquet file of the lake, as the catalog's <c>lake_partitions</c> table records it. <see cref="Sha256"/> is set by
/// the commit that writes the file (<see cref="CommitJournal"/>); null for files committed before hashes were recorded.
/// </summary>
public sealed record LakePartition(string Layer, string PartitionKey, string Path, string? FileId, long Rows, long Bytes, string KeyId, string? Sha256 = null);
