namespace EAmazing.Ingestion;

/// <summary>Settings of the ingest stage, bound from <c>EAmazing:Ingest</c>.</summary>
public sealed record IngestOptions
{
    public const string SectionName = "EAmazing:Ingest";

    /// <summary>Silver re-sessionisation: a user's next event after this much inactivity starts a new session.</summary>
    public TimeSpan SessionGap { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Silver is built per bucket of users, with about this many rows per bucket (1 to 16 buckets a month), so each fits in memory.</summary>
    public long SilverBucketRows { get; init; } = 3_000_000;

    /// <summary>Prices at or above this are rejected as implausible (the real maximum is a few thousand).</summary>
    public decimal PriceCeiling { get; init; } = 1_000_000m;

    /// <summary>Earliest plausible event time (the public data starts in October 2019; e-commerce logs before 2000 are errors).</summary>
    public DateTime EarliestEventTime { get; init; } = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Latest plausible event time; null means "now plus one day" at the start of the run.</summary>
    public DateTime? LatestEventTime { get; init; }

    /// <summary>Longest accepted text field (category_code, brand), in characters.</summary>
    public int MaxTextLength { get; init; } = 256;

    /// <summary>
    /// A file whose share of rejected rows reaches this (0-1] is refused as not REES46 data (a Markdown file
    /// named .csv, another export): marked Rejected with a non-zero exit, its lines not filed as quarantined events.
    /// </summary>
    public double RefuseRejectedShare { get; init; } = 0.9;

    /// <summary>Files with fewer data rows than this are never refused by <see cref="RefuseRejectedShare"/>: their bad rows are quarantined one by one.</summary>
    public long RefuseFromRows { get; init; } = 20;

    /// <summary>Rows handed from the parsing thread to the writing thread at a time.</summary>
    public int BatchSize { get; init; } = 16_384;

    /// <summary>Memory DuckDB may use while staging and sorting; it spills to disk beyond.</summary>
    public string EngineMemoryLimit { get; init; } = "2GB";
}
