namespace EAmazing.BusinessModels.EmergingCategories;

/// <summary>
/// One category's verdict as of a day, with its evidence: <see cref="Score"/> (the dispersion-scaled likelihood ratio of
/// the change point, or of a launch against its absence before), <see cref="GrowthPerMonth"/> (share growth factor per
/// month after <see cref="Start"/>), the Mann–Kendall z of the trend after the start, and the burst z of the latest week.
/// Only <see cref="EmergenceSignal.Launch"/> and <see cref="EmergenceSignal.Emerging"/> are flagged.
/// </summary>
public sealed record EmergenceFlag(
    string CategoryKey,
    string TopCategory,
    EmergenceSignal Signal,
    double Score,
    double GrowthPerMonth,
    DateOnly Start,
    DateOnly FirstSeen,
    double TrendZ,
    double BurstZ,
    double Dispersion,
    double ViewsLastWeek)
{
    public bool Flagged => Signal is EmergenceSignal.Launch or EmergenceSignal.Emerging;
}
