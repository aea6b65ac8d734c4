namespace EAmazing.Sources.Synthetic.World;

/// <summary>
/// One category of the catalog. <see cref="Code"/> is empty for the third of categories the store never labelled.
/// A trending category's popularity changes by <see cref="MonthlyGrowth"/> per month from <see cref="GrowthOnsetDay"/> on,
/// within [<see cref="TrendFloor"/>, <see cref="TrendCap"/>] times its base (emergences saturate; declines do not reach zero).
/// A launched line (<see cref="LaunchDay"/> &gt; 0) has no demand before its launch.
/// </summary>
public sealed record Category(
    int Index,
    long CategoryId,
    string Code,
    int TopLevel,
    double BasePopularity,
    double MedianPrice,
    double MonthlyGrowth,
    int LaunchDay)
{
    public const double DaysPerMonth = 30.44;

    public const double TrendCap = 8;

    public const double TrendFloor = 0.15;

    /// <summary>Day (since window start) from which <see cref="MonthlyGrowth"/> applies.</summary>
    public int GrowthOnsetDay { get; init; }

    /// <summary>Popularity on a day relative to the base, before launch ramps and the 2020 shift.</summary>
    public double TrendMultiplier(int day) => MonthlyGrowth == 1 || day <= GrowthOnsetDay
        ? 1
        : Math.Clamp(Math.Pow(MonthlyGrowth, (day - GrowthOnsetDay) / DaysPerMonth), TrendFloor, TrendCap);
}
