namespace EAmazing.Sources.Synthetic.World;

/// <summary>One category of the catalog. <see cref="Code"/> is empty for the third of categories the store never labelled.</summary>
public sealed record Category(
    int Index,
    long CategoryId,
    string Code,
    int TopLevel,
    double BasePopularity,
    double MedianPrice,
    double MonthlyGrowth,
    int LaunchDay);
