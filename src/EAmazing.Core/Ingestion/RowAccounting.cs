namespace EAmazing.Ingestion;

/// <summary>What became of every row read from one file. Always balanced: read = accepted + duplicates + quarantined.</summary>
public sealed record RowAccounting(long Read, long Accepted, long Duplicates, long Quarantined)
{
    public static RowAccounting None { get; } = new(0, 0, 0, 0);

    public bool IsBalanced => Read == Accepted + Duplicates + Quarantined;
}
