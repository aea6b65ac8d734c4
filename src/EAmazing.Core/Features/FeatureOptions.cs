namespace EAmazing.Features;

/// <summary>Settings of the gold (feature and label) stage, bound from <c>EAmazing:Features</c>.</summary>
public sealed record FeatureOptions
{
    public const string SectionName = "EAmazing:Features";

    /// <summary>The silver session gap (must match ingest's): a session row is complete this long after its last event.</summary>
    public TimeSpan SessionGap { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>user_snapshots are taken at 00:00 UTC of this weekday, every week.</summary>
    public DayOfWeek SnapshotWeekday { get; init; } = DayOfWeek.Monday;

    /// <summary>Churn label window: no purchase in the next this many days.</summary>
    public int ChurnHorizonDays { get; init; } = 28;

    /// <summary>session_prefixes: a row after the 1st, 2nd, … up to this many events of a session.</summary>
    public int PrefixLengths { get; init; } = 5;

    /// <summary>user_snapshots: a user is in a snapshot when active in this many days before it (the "90d" window).</summary>
    public int SnapshotHistoryDays { get; init; } = 90;

    /// <summary>items and the cart prediction points: trailing window of item and category history, in days.</summary>
    public int ItemWindowDays { get; init; } = 30;

    /// <summary>item_transitions: sessions with more distinct items than this add no co-occurrence pairs (bounds the pair count).</summary>
    public int MaxSessionItemsForPairs { get; init; } = 20;

    /// <summary>Memory DuckDB may use while building; it spills to the lake's scratch folder beyond.</summary>
    public string EngineMemoryLimit { get; init; } = "6GB";
}
