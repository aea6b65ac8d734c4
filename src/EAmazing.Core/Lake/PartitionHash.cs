using System.Security.Cryptography;

namespace EAmazing.Lake;

/// <summary>
/// A Parquet file's content hash (SHA-256, hex), recorded in the catalog when its commit is journaled and checked by
/// <see cref="LakeConsistency"/>: a file edited with the same row count, or swapped for another, is named.
/// </summary>
public static class PartitionHash
{
    public static string Of(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }
}
