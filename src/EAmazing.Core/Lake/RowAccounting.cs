namespace EAmazing.Lake;

/// <summary>
/// What became of every row read from one file. Always balanced: read = accepted + duplicates + quarantined
/// + suppressed (rows of erased people, dropped at ingest before any layer).
/// </summary>
public sealed record RowAccounting(long Read, long Accepted, long Duplicates, long Quarantined, long Suppressed = 0)
{
    public static RowAccounting None { get; } = new(0, 0, 0, 0);

    public bool IsBalanced => Read == Accepted + Duplicates + Quarantined + Suppressed;
}
