namespace EAmazing.Lake;

/// <summary>Where an ingest spent its time, per phase, in milliseconds (stored in the catalog to see what to optimise).</summary>
public sealed record IngestTimings(long HashMs, long ReadMs, long BronzeMs, long SilverMs)
{
    public static IngestTimings None { get; } = new(0, 0, 0, 0);
}
