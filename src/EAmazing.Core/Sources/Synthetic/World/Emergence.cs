namespace EAmazing.Sources.Synthetic.World;

/// <summary>
/// One planted change of a category's demand: which category, from which day (since window start), at which monthly
/// growth factor (&gt; 1 grows, &lt; 1 declines; a launch ramps up over <see cref="RampDays"/> days instead).
/// </summary>
public sealed record Emergence(EmergenceKind Kind, int CategoryIndex, long CategoryId, string Code, int OnsetDay, double MonthlyGrowth, int RampDays);
