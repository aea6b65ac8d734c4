namespace EAmazing.Governance.Erasure;

/// <summary>
/// One Parquet file of the lake that holds rows of the subjects being erased: where it is, which table it belongs
/// to (<c>bronze</c>, <c>silver</c>, <c>quarantine</c> or <c>gold.&lt;table&gt;</c>), how to find a row's person, and the
/// subjects' rows in it per pseudonym. It is rewritten without them.
/// </summary>
/// <param name="PartitionKey">Month (bronze, silver, gold) or file id (quarantine).</param>
/// <param name="FileId">Source file of a bronze or quarantine partition, for the row_removals ledger.</param>
public sealed record ErasedFile(
    string Table,
    string Layer,
    string PartitionKey,
    string Path,
    string? FileId,
    string KeyId,
    long RowsBefore,
    string PersonExpression,
    IReadOnlyDictionary<string, long> RowsPerPseudonym)
{
    public const string GoldLayer = "gold";

    public long RowsRemoved => RowsPerPseudonym.Values.Sum();

    public bool IsGold => Layer == GoldLayer;
}
