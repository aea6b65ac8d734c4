namespace EAmazing.Sources.Synthetic.World;

/// <summary>
/// The parameters of how users browse and buy. Written to <c>truth/world.json</c>; calibrated so that the
/// generated data matches the real REES46 statistics (see the realism check).
/// </summary>
public sealed record BehaviourCoefficients
{
    /// <summary>Share of sessions with a single view.</summary>
    public double SingleViewShare { get; init; } = 0.42;

    /// <summary>Success probability of the geometric tail of multi-view sessions (mean tail 1/p - 1).</summary>
    public double LengthTailP { get; init; } = 0.176;

    public double LongSessionShare { get; init; } = 0.0005;

    public double RepeatViewProbability { get; init; } = 0.315;

    /// <summary>Among non-repeat steps, the share that follows the item-to-item structure (the rest jump).</summary>
    public double SuccessorProbability { get; init; } = 0.75;

    /// <summary>Share of category choices driven by the day's popularity rather than the user's affinity.</summary>
    public double PopularCategoryShare { get; init; } = 0.5;

    public double PrimaryTopLevelShare { get; init; } = 0.7;

    public double CartIntercept { get; init; } = -3.85;
    public double CartPropensity { get; init; } = 0.5;
    public double CartPriceFit { get; init; } = 0.5;
    public double CartRevisit { get; init; } = 0.6;
    public double ExtraCartOffset { get; init; } = -0.5;

    public double DirectBuyIntercept { get; init; } = -4.8;
    public double DirectBuyPropensity { get; init; } = 0.8;
    public double DirectBuyPriceFit { get; init; } = 0.6;
    public double DirectBuyRevisit { get; init; } = 0.7;
    public double MultiBuyOffset { get; init; } = -0.6;

    public double PurchaseIntercept { get; init; } = -1.2;
    public double PurchasePropensity { get; init; } = 0.25;
    public double PurchasePriceFit { get; init; } = 0.3;
    public double PurchaseLogViews { get; init; } = 0.6;
    public double PurchaseRevisit { get; init; } = 0.8;
    public double PurchaseLogPrice { get; init; } = -0.45;

    /// <summary>Cart logit shift for night hours (00–03 UTC): night-time visitors browse more and cart less.</summary>
    public double NightCartShift { get; init; } = -0.9;

    public double SaleBoost { get; init; } = 0.35;
    public double ShiftBoost { get; init; } = 0.25;

    public double DuplicateRowShare { get; init; } = 0.0003;
    public double SharedSessionShare { get; init; } = 0.0003;
    public double LongGapShare { get; init; } = 0.003;
}
