namespace EAmazing.BusinessModels.EmergingCategories;

/// <summary>
/// The detector's thresholds. The defaults were set on seeded worlds (bench <c>emerging</c>): the evidence and trend
/// thresholds keep stable categories' false alarms near zero over a whole two-month window checked every day. With 20 and
/// 2.33, seeds 21–23 gave precision 0.74 (false flags scored 21–22); with 30 and 2.8, seed 2 missed an emergence; 25 and 2.6
/// found all 50 planted changes of seeds 1–10 with precision 0.98.
/// </summary>
public sealed record DetectorSettings
{
    /// <summary>Fewer days than this is too little history to tell growth from noise.</summary>
    public int MinimumHistoryDays { get; init; } = 21;

    /// <summary>A category absent for the history's first this-many days and seen later is a new line.</summary>
    public int NewAfterDays { get; init; } = 14;

    /// <summary>A new line is a launch for this many days after it is first seen; later it is judged like any category.</summary>
    public int LaunchWindowDays { get; init; } = 35;

    public double MinimumLaunchViews { get; init; } = 20;

    public double MinimumLaunchViewsPerDay { get; init; } = 5;

    /// <summary>Days on each side of a change point.</summary>
    public int MinimumSegmentDays { get; init; } = 7;

    /// <summary>Days of history the change point looks at (the most recent).</summary>
    public int LookbackDays { get; init; } = 91;

    /// <summary>Dispersion-scaled likelihood ratio of the change point.</summary>
    public double EvidenceThreshold { get; init; } = 25;

    /// <summary>Mann–Kendall z of the log share after the change point (one-sided).</summary>
    public double TrendZ { get; init; } = 2.6;

    /// <summary>Smallest monthly growth factor worth a flag.</summary>
    public double MinimumGrowthPerMonth { get; init; } = 1.25;

    /// <summary>The latest week's z against the level before the change point (sustained, not over).</summary>
    public double SustainedZ { get; init; } = 2;

    /// <summary>A latest week this far above the level (z) without a trend is a burst.</summary>
    public double BurstZ { get; init; } = 4;
}
